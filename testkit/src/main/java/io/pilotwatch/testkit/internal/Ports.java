package io.pilotwatch.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Local TCP ports: finding free ones and probing whether one accepts connections. */
final class Ports {

    static final String HOST = "127.0.0.1";
    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    private Ports() {
    }

    /**
     * Returns {@code count} distinct ports that were free a moment ago. Another process may take
     * one before the broker binds it; that race is rare enough for tests.
     */
    static int[] free(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            // All sockets stay open until every port is known, so the ports differ.
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getByName(HOST));
            }
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on " + HOST, e);
        } finally {
            closeAll(sockets);
        }
    }

    /** Whether a TCP connection to the port succeeds now. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            // Refused or timed out: the expected answer while a broker is down or starting.
            return false;
        }
    }

    private static void closeAll(ServerSocket[] sockets) {
        for (ServerSocket socket : sockets) {
            if (socket == null) {
                continue;
            }
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot release probe socket on port " + socket.getLocalPort(), e);
            }
        }
    }
}
