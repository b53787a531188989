/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) run as a separate background JVM
 * from the Maven Central jars, plus the small service abstraction the CLI's {@code up}/{@code down}/{@code status}
 * drive and the broker fixture that integration tests share.
 *
 * <p>{@link io.qps.embedded.BackgroundJvm} is the process handling every local service shares (detached JVM, state
 * file, marker, graceful stop). Nothing here is a mock: {@link io.qps.embedded.EmbeddedKafka} formats a data folder
 * with Kafka's own {@code kafka.tools.StorageTool} and runs {@code kafka.Kafka}. Listeners bind to 127.0.0.1 only. The broker's pid and
 * ports are kept in a state file in its data folder so that a later, separate process (another CLI invocation) can
 * find, probe and stop it. The CLI's jar leaves the broker out: {@link io.qps.embedded.BrokerClasspath} adds its jars,
 * which the build puts next to that jar, to the broker JVM's class path.
 */
package io.qps.embedded;
