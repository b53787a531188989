/** The line format shared by qps's configuration files (engine parameters, instruments). */
package io.qps.core.config;
