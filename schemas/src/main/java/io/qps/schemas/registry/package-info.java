/**
 * A client for the subset of Confluent's Schema Registry REST API that qps uses (register, get by id, look up,
 * compatibility check, subjects, latest version, compatibility configuration), with ids and schemas cached.
 * It works unchanged against a real {@code cp-schema-registry} and against qps's embedded registry; the
 * shared constants ({@link io.qps.schemas.registry.RegistryErrorCodes}, the media type) are the contract both
 * sides speak.
 */
package io.qps.schemas.registry;
