package dev.entente.node.replica;

import dev.entente.node.wire.FrameBufs;
import dev.entente.node.wire.FrameException;
import dev.entente.node.wire.RelayFrame;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A node's connection to the relay, kept open: it says HELLO on every connect and reconnects 250 ms
 * after any loss. Sends while disconnected, or while the socket is full, are dropped and counted:
 * the sync protocol repeats itself, so a lost frame costs time, not data. Thread-safe.
 */
public final class RelayClient implements AutoCloseable {
  private static final long RECONNECT_MILLIS = 250;

  private final String id;
  private final String host;
  private final int port;
  private final int maxFrameBytes;
  private final BiConsumer<String, byte[]> onDeliver;
  private final Consumer<String> log;
  private final EventLoopGroup loop;
  private final AtomicLong dropped = new AtomicLong();
  private volatile @Nullable Channel channel;
  private volatile boolean closed;

  /** Connects as {@code id}; {@code onDeliver} gets (source, payload) on the Netty thread. */
  public RelayClient(
      String id,
      String host,
      int port,
      int maxFrameBytes,
      BiConsumer<String, byte[]> onDeliver,
      Consumer<String> log) {
    this.id = id;
    this.host = host;
    this.port = port;
    this.maxFrameBytes = maxFrameBytes;
    this.onDeliver = onDeliver;
    this.log = log;
    this.loop = new NioEventLoopGroup(1, new DefaultThreadFactory("relay-client", true));
    connect();
  }

  private void connect() {
    if (closed) {
      return;
    }
    new Bootstrap()
        .group(loop)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
        .option(
            ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 << 10, 512 << 10))
        .handler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(FrameBufs.splitter(maxFrameBytes)).addLast(new Inbound());
              }
            })
        .connect(host, port)
        .addListener(
            (ChannelFutureListener)
                f -> {
                  if (f.isSuccess()) {
                    f.channel().writeAndFlush(FrameBufs.toBuf(RelayFrame.hello(id)));
                    channel = f.channel();
                    f.channel().closeFuture().addListener(c -> retry());
                  } else {
                    retry();
                  }
                });
  }

  private void retry() {
    channel = null;
    if (!closed && !loop.isShuttingDown()) {
      loop.schedule(this::connect, RECONNECT_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Hands {@code payload} to the relay for {@code destination} ({@code *}: everyone else). */
  public boolean send(String destination, byte[] payload) {
    Channel c = channel;
    if (c == null || !c.isActive() || !c.isWritable()) {
      dropped.incrementAndGet();
      return false;
    }
    c.writeAndFlush(FrameBufs.toBuf(new RelayFrame(RelayFrame.Type.SEND, destination, payload)));
    return true;
  }

  /** True while a connection is open. */
  public boolean connected() {
    Channel c = channel;
    return c != null && c.isActive();
  }

  /** Sends dropped so far. */
  public long dropped() {
    return dropped.get();
  }

  @Override
  public void close() {
    closed = true;
    Channel c = channel;
    if (c != null) {
      c.close();
    }
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private final class Inbound extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      byte[] body = FrameBufs.take(msg);
      try {
        RelayFrame f = RelayFrame.decode(body);
        if (f.type() == RelayFrame.Type.DELIVER) {
          onDeliver.accept(f.name(), f.payload());
        } else {
          log.accept("relay sent a " + f.type() + "; ignored");
        }
      } catch (FrameException e) {
        log.accept("malformed frame from the relay, closing: " + e.getMessage());
        ctx.close();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.accept("relay connection failed: " + cause);
      ctx.close();
    }
  }
}
