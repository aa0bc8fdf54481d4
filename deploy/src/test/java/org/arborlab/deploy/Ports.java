package org.arborlab.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers the tests start: free on 127.0.0.1 and below Linux's ephemeral range (32768 and up),
 * where the system also hands out the local ports of outgoing connections; a server there can find its port taken
 * by a client's connection, and asadmin's probes connected to themselves.
 */
final class Ports {
    private static final int FIRST = 10_000;
    private static final int LAST = 19_999;

    private Ports() {
    }

    static int free() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between " + FIRST + " and " + LAST + " on 127.0.0.1");
    }
}
