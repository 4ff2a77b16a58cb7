package dev.entente.node.relay;

import dev.entente.node.wire.FrameBufs;
import dev.entente.node.wire.RelayFrame;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The relay: a Netty server on loopback that stores every frame a node sends (SQLite, {@link
 * FrameStore}) and forwards it to its destination, now if connected or when it next says HELLO. It
 * never reads payloads. Limits ({@link RelayConfig}): a frame body above {@code maxFrameBytes} or
 * any malformed frame closes that connection alone, with one log line naming the reason; a
 * destination whose socket is full is fed from the store as it drains (Netty's writability); a
 * sender with too many frames waiting for the store is not read until they are stored.
 *
 * <p>Threads: one Netty event loop for all sockets and one store thread that owns the database and
 * does every forward, so store and forward order agree. Thread-safe.
 */
public final class RelayServer implements AutoCloseable {
  /** Frames fetched from the store per forwarding step. */
  private static final int BATCH = 64;

  private final RelayConfig config;
  private final Consumer<String> log;
  private final FrameStore store;
  private final ExecutorService storeThread;
  private final EventLoopGroup loop;
  private final Channel server;
  private final Map<String, Peer> peers = new ConcurrentHashMap<>();

  /** A connected node as the store thread sees it. */
  static final class Peer {
    final String id;
    final Channel channel;
    long lastSent;

    Peer(String id, Channel channel) {
      this.id = id;
      this.channel = channel;
    }
  }

  private RelayServer(RelayConfig config, Consumer<String> log, FrameStore store, int port) {
    this.config = config;
    this.log = log;
    this.store = store;
    this.storeThread = Executors.newSingleThreadExecutor(r -> daemon(r, "relay-store"));
    this.loop = new NioEventLoopGroup(1, new DefaultThreadFactory("relay-io", true));
    ServerBootstrap b =
        new ServerBootstrap()
            .group(loop)
            .channel(NioServerSocketChannel.class)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(64 << 10, 256 << 10))
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(FrameBufs.splitter(config.maxFrameBytes()))
                        .addLast(new RelayHandler(RelayServer.this));
                  }
                });
    this.server =
        b.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
            .syncUninterruptibly()
            .channel();
  }

  /** Starts a relay on 127.0.0.1:{@code port} (0 picks a free port) storing in {@code db}. */
  public static RelayServer start(int port, Path db, RelayConfig config, Consumer<String> log)
      throws SQLException {
    return new RelayServer(config, log, FrameStore.open(db, config.queueCapacity()), port);
  }

  /** The port it listens on. */
  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  RelayConfig config() {
    return config;
  }

  void log(String line) {
    log.accept("relay: " + line);
  }

  /** A HELLO on {@code channel}: the node replaces any older connection of the same id. */
  void hello(String id, Channel channel) {
    Peer peer = new Peer(id, channel);
    Peer old = peers.put(id, peer);
    if (old != null && old.channel != channel) {
      log("node " + id + " connected again; closing its older connection");
      old.channel.close();
    }
    onStore(
        () -> {
          store.register(id);
          forward(peer);
        });
  }

  /** The connection of {@code id} on {@code channel} is gone. */
  void gone(String id, Channel channel) {
    peers.computeIfPresent(id, (k, p) -> p.channel == channel ? null : p);
  }

  /** Stores a SEND and forwards it; {@code done} runs on the store thread once it is stored. */
  void send(String source, String destination, byte[] payload, Runnable done) {
    onStore(
        () -> {
          try {
            List<String> dsts =
                destination.equals(RelayFrame.BROADCAST)
                    ? store.nodesExcept(source)
                    : List.of(destination);
            store.store(source, dsts, payload);
            for (String d : dsts) {
              Peer p = peers.get(d);
              if (p != null) {
                forward(p);
              }
            }
          } finally {
            done.run();
          }
        });
  }

  /** The destination's socket has room again. */
  void writable(String id) {
    onStore(
        () -> {
          Peer p = peers.get(id);
          if (p != null) {
            forward(p);
          }
        });
  }

  /** How many frames wait in the store for {@code id} (for tests and logs). */
  public int waiting(String id) throws Exception {
    return storeThread.submit(() -> store.count(id)).get(10, TimeUnit.SECONDS);
  }

  /** Writes stored frames to the peer while its socket has room; store thread only. */
  private void forward(Peer peer) throws SQLException {
    while (peer.channel.isActive() && peer.channel.isWritable() && peers.get(peer.id) == peer) {
      List<FrameStore.Stored> batch = store.pending(peer.id, peer.lastSent, BATCH);
      if (batch.isEmpty()) {
        return;
      }
      for (FrameStore.Stored s : batch) {
        RelayFrame deliver = new RelayFrame(RelayFrame.Type.DELIVER, s.source(), s.payload());
        long seq = s.seq();
        peer.channel
            .write(FrameBufs.toBuf(deliver))
            .addListener(
                f -> {
                  if (f.isSuccess()) {
                    onStore(() -> store.delivered(seq));
                  }
                });
        peer.lastSent = seq;
      }
      peer.channel.flush();
    }
  }

  /** A store step; a database failure is logged, never thrown into Netty. */
  interface StoreStep {
    void run() throws SQLException;
  }

  private void onStore(StoreStep step) {
    if (storeThread.isShutdown()) {
      return;
    }
    storeThread.execute(
        () -> {
          try {
            step.run();
          } catch (SQLException | RuntimeException e) {
            log("store failed: " + e);
          }
        });
  }

  @Override
  public void close() throws SQLException {
    server.close().syncUninterruptibly();
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    storeThread.shutdown();
    try {
      storeThread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
