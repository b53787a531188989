/**
 * Conversions between the trading core's domain records ({@code io.qps.core...}) and their Avro mirrors
 * ({@code io.qps.schemas}), so that adapters (producer, processors, verifier) map values in one place. A round trip
 * core to Avro to core gives back an equal record with the same canonical text.
 */
package io.qps.schemas.mapping;
