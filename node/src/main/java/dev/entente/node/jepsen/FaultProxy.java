package dev.entente.node.jepsen;

import dev.entente.node.RealTime;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A frame-aware TCP proxy between one node and the relay, on loopback, that injects the partition
 * faults: {@link Mode#CUT} closes every connection and refuses new ones; {@link Mode#DELAY} holds
 * each frame for a fixed time; {@link Mode#DROP} drops frames at random (never a connection's first
 * frame, the HELLO). It reads the 4-byte length prefix, so it drops whole frames and never corrupts
 * the stream. Two threads per connection, one per direction. Thread-safe.
 */
final class FaultProxy implements AutoCloseable {
  /** What the proxy does to traffic. */
  enum Mode {
    PASS,
    CUT,
    DELAY,
    DROP
  }

  /** Largest frame length the proxy forwards; a larger one ends the connection. */
  private static final int MAX_FRAME = 16 << 20;

  private final int relayPort;
  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final SplittableRandom random;
  private volatile Mode mode = Mode.PASS;
  private volatile long delayMillis = 300;
  private volatile int dropPercent = 50;
  private volatile boolean closed;

  FaultProxy(int relayPort, long seed) throws IOException {
    this.relayPort = relayPort;
    this.random = new SplittableRandom(seed);
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread accept = new Thread(this::acceptLoop, "proxy-accept-" + port());
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Switches the mode; {@link Mode#CUT} closes every open connection at once. */
  void mode(Mode m, long delay, int dropPct) {
    this.delayMillis = delay;
    this.dropPercent = dropPct;
    this.mode = m;
    if (m == Mode.CUT) {
      for (Socket s : open) {
        closeQuietly(s);
      }
    }
  }

  Mode mode() {
    return mode;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        if (mode == Mode.CUT) {
          closeQuietly(client);
          continue;
        }
        Socket relay;
        try {
          relay = new Socket(InetAddress.getLoopbackAddress(), relayPort);
        } catch (IOException e) {
          // No relay behind the proxy (not up yet, or gone): the node must see it and reconnect.
          closeQuietly(client);
          continue;
        }
        open.add(client);
        open.add(relay);
        pump(client, relay, "up");
        pump(relay, client, "down");
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void pump(Socket from, Socket to, String direction) {
    Thread t =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                copyFrames(new DataInputStream(in), new DataOutputStream(out));
              } catch (IOException e) {
                // one side closed or was cut: end both
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "proxy-" + direction + "-" + port());
    t.setDaemon(true);
    t.start();
  }

  private void copyFrames(DataInputStream in, DataOutputStream out) throws IOException {
    boolean first = true;
    while (true) {
      int length = in.readInt();
      if (length < 0 || length > MAX_FRAME) {
        throw new IOException("frame length " + length);
      }
      byte[] body = in.readNBytes(length);
      if (body.length < length) {
        throw new IOException("stream ended inside a frame");
      }
      Mode m = mode;
      if (m == Mode.CUT) {
        throw new IOException("cut");
      }
      if (m == Mode.DELAY) {
        RealTime.sleep(delayMillis);
      }
      if (m == Mode.DROP && !first && drop()) {
        continue;
      }
      first = false;
      out.writeInt(length);
      out.write(body);
      out.flush();
    }
  }

  private synchronized boolean drop() {
    return random.nextInt(100) < dropPercent;
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // already closed
    }
    for (Socket s : open) {
      closeQuietly(s);
    }
  }
}
