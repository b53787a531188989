package io.qps.embedded;

/**
 * Entry point of a broker JVM that must not outlive the JVM that started it: a daemon thread waits for the parent
 * process to end and then exits, which runs Kafka's own shutdown hook (a clean broker shutdown). Used for test
 * brokers; the CLI's long-lived broker runs {@code kafka.Kafka} directly.
 *
 * <p>Arguments: {@code <parent pid> <server.properties>}.
 */
public final class BrokerMain {
    private BrokerMain() {
    }

    /**
     * @param args parent pid and the path of {@code server.properties}
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: BrokerMain <parent pid> <server.properties>");
            System.exit(2);
        }
        long parentPid = Long.parseLong(args[0]);
        Thread watcher = new Thread(() -> {
            ProcessHandle.of(parentPid).ifPresent(parent -> parent.onExit().join());
            System.err.println("qps: parent process " + parentPid + " ended; stopping the broker");
            System.exit(0);
        }, "qps-parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        kafka.Kafka.main(new String[] {args[1]});
    }
}
