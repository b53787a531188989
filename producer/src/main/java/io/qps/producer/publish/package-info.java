/**
 * Publishing a dataset file to a session's ticks topic: the idempotent, batched producer, live pacing against the
 * wall clock (through an injectable {@link io.qps.producer.publish.PacingClock}), progress display and the checks
 * that refuse to publish over an existing session.
 */
package io.qps.producer.publish;
