package io.qps.embedded;

/**
 * A local background service the CLI's {@code up} starts, {@code down} stops and {@code status} reports, such as the
 * embedded Kafka broker or the embedded schema registry. Implementations keep whatever they need to find a running
 * instance again (pid, port) on disk, because {@code up}, {@code status} and {@code down} run in different processes.
 */
public interface EmbeddedService {
    /** @return short name shown to the user, e.g. {@code kafka} */
    String name();

    /**
     * Starts the service unless it already runs, and returns once it answers.
     *
     * @return its status after the start
     */
    ServiceStatus start();

    /**
     * Stops the service if it runs and returns once it has ended.
     *
     * @return true if it was running
     */
    boolean stop();

    /** @return whether it runs and answers now, and where */
    ServiceStatus status();
}
