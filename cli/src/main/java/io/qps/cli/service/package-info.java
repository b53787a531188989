/**
 * Local services of {@code qps up}/{@code down}/{@code status} that live in the CLI module because they need what
 * the module {@code embedded} must not depend on: the embedded schema registry
 * ({@link io.qps.cli.service.EmbeddedRegistry}), run as a background JVM from the CLI's own jar with the process
 * handling of {@link io.qps.embedded.BackgroundJvm}.
 */
package io.qps.cli.service;
