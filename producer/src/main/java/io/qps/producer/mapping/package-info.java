/** Exact, lossless conversion of market events between the core's records and the Avro {@code MarketEvent}. */
package io.qps.producer.mapping;
