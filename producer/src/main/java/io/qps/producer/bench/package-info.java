/** The publish benchmark: our publisher next to Kafka's own {@code ProducerPerformance} on the same broker. */
package io.qps.producer.bench;
