package dev.entente.node.relay;

import dev.entente.node.wire.FrameException;
import dev.entente.node.wire.RelayFrame;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.jspecify.annotations.Nullable;

/** A blocking test client of the relay that writes raw bytes and reads whole frames. */
final class TestPeer implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  TestPeer(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(5000);
    in = new DataInputStream(socket.getInputStream());
    out = new DataOutputStream(socket.getOutputStream());
  }

  static TestPeer hello(int port, String id) throws IOException {
    TestPeer p = new TestPeer(port);
    p.send(RelayFrame.hello(id));
    return p;
  }

  void send(RelayFrame f) throws IOException {
    raw(f.encode());
  }

  void send(String destination, String payload) throws IOException {
    send(
        new RelayFrame(
            RelayFrame.Type.SEND,
            destination,
            payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** Writes one length-prefixed body as given. */
  void raw(byte[] body) throws IOException {
    out.writeInt(body.length);
    out.write(body);
    out.flush();
  }

  /** The next frame, or null if none came within the timeout. */
  @Nullable RelayFrame next() throws IOException, FrameException {
    try {
      int n = in.readInt();
      return RelayFrame.decode(in.readNBytes(n));
    } catch (SocketTimeoutException e) {
      return null;
    }
  }

  /** True if no frame arrives within 300 ms (the relay answers loopback peers in far less). */
  boolean quiet() throws IOException, FrameException {
    socket.setSoTimeout(300);
    try {
      return next() == null;
    } finally {
      socket.setSoTimeout(5000);
    }
  }

  /** True once the relay has closed the connection (reads end within the timeout). */
  boolean closedByRelay() throws IOException {
    try {
      while (in.read() >= 0) {
        // drain whatever was in flight before the close
      }
      return true;
    } catch (EOFException e) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // a reset is a close too
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
