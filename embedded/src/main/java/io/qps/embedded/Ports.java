package io.qps.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** TCP port helpers on the loopback address, the only address our servers bind to. */
public final class Ports {
    /** The one address the embedded services listen on. */
    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /**
     * @param port a TCP port, 1..65535
     * @return true if a server could bind {@code 127.0.0.1:port} right now
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Asks the OS for a currently unused loopback port. Another process may take it before we bind it; callers that
     * start servers on it check again and fail with a clear message in that case.
     *
     * @return an ephemeral port that was free a moment ago
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /**
     * @param port a port
     * @param role what would listen there, for the message (e.g. "Kafka listener")
     * @throws EmbeddedKafkaException if the port is taken
     */
    public static void requireFree(int port, String role) {
        if (!isFree(port)) {
            throw new EmbeddedKafkaException(String.format(
                    "port %d (%s) on %s is already in use by another process; stop it or choose another port",
                    port, role, LOOPBACK));
        }
    }
}
