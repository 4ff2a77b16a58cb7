package dev.entente.node.jepsen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy against a plain loopback server standing in for the relay. */
class FaultProxyTest {
  private ServerSocket upstream;
  private FaultProxy proxy;

  @BeforeEach
  void start() throws IOException {
    upstream = new ServerSocket();
    upstream.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    upstream.setSoTimeout(5000);
    proxy = new FaultProxy(upstream.getLocalPort(), 1);
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    upstream.close();
  }

  private Socket client() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    s.setSoTimeout(2000);
    return s;
  }

  private static void frame(Socket s, int n) throws IOException {
    DataOutputStream out = new DataOutputStream(s.getOutputStream());
    out.writeInt(1);
    out.write(n);
    out.flush();
  }

  /** The next one-byte frame's value, or -1 if none came within the timeout. */
  private static int next(Socket s) throws IOException {
    try {
      DataInputStream in = new DataInputStream(s.getInputStream());
      int length = in.readInt();
      return in.readNBytes(length)[0];
    } catch (SocketTimeoutException e) {
      return -1;
    }
  }

  @Test
  void pass_forwardsFramesBothWays() throws IOException {
    try (Socket c = client();
        Socket up = upstream.accept()) {
      up.setSoTimeout(2000);
      frame(c, 1);
      assertThat(next(up)).isEqualTo(1);
      frame(up, 2);
      assertThat(next(c)).isEqualTo(2);
    }
  }

  @Test
  void drop_dropsFramesButNeverTheFirst() throws IOException {
    proxy.mode(FaultProxy.Mode.DROP, 0, 100);
    try (Socket c = client();
        Socket up = upstream.accept()) {
      up.setSoTimeout(500);
      frame(c, 1);
      frame(c, 2);
      frame(c, 3);
      assertThat(next(up)).isEqualTo(1);
      assertThat(next(up)).isEqualTo(-1);
    }
  }

  @Test
  void cut_closesOpenConnections_andRefusesNewOnes_untilHealed() throws IOException {
    try (Socket c = client();
        Socket up = upstream.accept()) {
      proxy.mode(FaultProxy.Mode.CUT, 0, 0);
      assertThat(c.getInputStream().read()).isEqualTo(-1);
    }
    try (Socket refused = client()) {
      assertThat(refused.getInputStream().read()).isEqualTo(-1);
    }
    proxy.mode(FaultProxy.Mode.PASS, 0, 0);
    try (Socket c = client();
        Socket up = upstream.accept()) {
      up.setSoTimeout(2000);
      frame(c, 7);
      assertThat(next(up)).isEqualTo(7);
    }
  }
}
