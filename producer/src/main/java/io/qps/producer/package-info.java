/**
 * Publishing a dataset file to Kafka: sessions and topic
 * names, the publisher, reading a ticks topic back and the publish benchmark. The only code in qps that reads the
 * wall clock for data-plane work (live pacing), which is allowed here because the producer is the single writer of a
 * session's market data and nothing downstream reads wall time.
 */
package io.qps.producer;
