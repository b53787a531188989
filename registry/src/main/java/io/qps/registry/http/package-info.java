/**
 * The embedded registry's HTTP face: Confluent Schema Registry's v1 paths, media type, JSON shapes and
 * {@code {"error_code": N, "message": "..."}} errors, mapped onto {@link io.qps.registry.service.SchemaRegistryState}.
 */
package io.qps.registry.http;
