package io.pilotwatch.deploy.faults;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * MQTT packets written by hand, for what no well-behaved client library sends: an MQTT 5 client that ignores the
 * Receive Maximum the server announced, a CONNECT that never comes or arrives a byte at a time.
 */
final class RawMqtt {

    private RawMqtt() {
    }

    /** CONNECT (clean start, keep-alive 60 s) with user name and password; level 5 adds an empty property list. */
    static byte[] connect(int level, String clientId, String user, String password) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(level);
        body.write(0xC2); // user name, password, clean start
        body.write(0);
        body.write(60);
        if (level == 5) {
            body.write(0); // no properties
        }
        string(body, clientId);
        string(body, user);
        string(body, password);
        return packet(0x10, body.toByteArray());
    }

    /** PUBLISH at QoS 1 with {@code packetId}; level 5 adds an empty property list. */
    static byte[] publishQos1(int level, String topic, int packetId, byte[] payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, topic);
        body.write(packetId >> 8);
        body.write(packetId & 0xFF);
        if (level == 5) {
            body.write(0);
        }
        body.writeBytes(payload);
        return packet(0x32, body.toByteArray());
    }

    /** Reads one packet: its first byte and its body. */
    static Packet read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int type = data.readUnsignedByte();
        int length = 0;
        int shift = 0;
        int b;
        do {
            b = data.readUnsignedByte();
            length |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        byte[] body = new byte[length];
        data.readFully(body);
        return new Packet(type, body);
    }

    /** True once the peer closed the socket (read returns -1 or the connection is reset). */
    static boolean closedByPeer(Socket socket) {
        try {
            socket.setSoTimeout(50);
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    record Packet(int type, byte[] body) {
        int packetType() {
            return type >> 4;
        }

        int packetId() {
            return ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
        }

        /** A PUBACK's reason code: 0 (success) when the body is only the packet id. */
        int pubAckReason() {
            return body.length > 2 ? body[2] & 0xFF : 0;
        }
    }

    private static byte[] packet(int firstByte, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int length = body.length;
        do {
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }
}
