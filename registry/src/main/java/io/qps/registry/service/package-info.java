/**
 * The registry's rules, independent of HTTP and of storage: subjects and their versions, global schema ids
 * (max + 1; one id per distinct schema text across subjects, as Confluent assigns them), and compatibility
 * checks per level with Avro's {@code SchemaCompatibility}.
 */
package io.qps.registry.service;
