package org.tandem.engine;

import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sip.TestPhone;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.List;

import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;

/** Raw TCP peers of a node, hostile or rightful, as the TCP limit tests open them. */
final class TcpPeers {

    private TcpPeers() {
    }

    /** A connection from {@code address} to the node at {@code port}, added to {@code opened} for closing. */
    static Socket connectFrom(String address, int port, List<Socket> opened) throws IOException {
        Socket socket = new Socket();
        opened.add(socket);
        socket.bind(new InetSocketAddress(address, 0));
        socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), 2_000);
        return socket;
    }

    /** Whether the engine closed it: end of stream or a reset within {@code waitMillis}. */
    static boolean closedByEngine(Socket socket, int waitMillis) throws IOException {
        socket.setSoTimeout(waitMillis);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** What a new phone of tenant alpha gets for its REGISTER over TCP to {@code node}. */
    static int tryRegister(RegistrarExtension node) throws IOException {
        try (TestPhone phone = TestPhone.tcp(node.port(), node.database().newExtension(), ALPHA)) {
            return TestPhone.statusOf(phone.registerWithAuth(phone.register().expires(300)));
        }
    }
}
