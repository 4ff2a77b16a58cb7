package dev.entente.node.relay;

import dev.entente.node.wire.FrameBufs;
import dev.entente.node.wire.FrameException;
import dev.entente.node.wire.RelayFrame;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One node's connection to the relay: HELLO first, then SENDs. Anything else, a malformed frame, or
 * a frame over the size limit closes this connection (and only this one) with a log line naming the
 * reason. Counts the sender's frames waiting for the store and stops reading the socket above the
 * high mark (back-pressure). Not shared between channels.
 */
final class RelayHandler extends ChannelInboundHandlerAdapter {
  private final RelayServer relay;
  private final AtomicInteger inflight = new AtomicInteger();
  private @Nullable String id;

  RelayHandler(RelayServer relay) {
    this.relay = relay;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    byte[] body = FrameBufs.take(msg);
    RelayFrame frame;
    try {
      frame = RelayFrame.decode(body);
    } catch (FrameException e) {
      refuse(ctx, "malformed frame " + e.getMessage());
      return;
    }
    String self = id;
    if (frame.type() == RelayFrame.Type.HELLO && self == null) {
      id = frame.name();
      relay.hello(frame.name(), ctx.channel());
    } else if (frame.type() == RelayFrame.Type.SEND && self != null) {
      send(ctx, self, frame);
    } else {
      refuse(ctx, frame.type() + (self == null ? " before HELLO" : " is not allowed here"));
    }
  }

  private void send(ChannelHandlerContext ctx, String self, RelayFrame frame) {
    if (inflight.incrementAndGet() >= relay.config().inflightHigh()) {
      ctx.channel().config().setAutoRead(false);
    }
    relay.send(
        self,
        frame.name(),
        frame.payload(),
        () -> {
          if (inflight.decrementAndGet() <= relay.config().inflightLow()
              && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
          }
        });
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    String self = id;
    if (self != null && ctx.channel().isWritable()) {
      relay.writable(self);
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    String self = id;
    if (self != null) {
      relay.gone(self, ctx.channel());
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException) {
      refuse(ctx, "oversized frame: " + cause.getMessage());
    } else {
      refuse(ctx, "connection error: " + cause);
    }
  }

  private void refuse(ChannelHandlerContext ctx, String reason) {
    relay.log(
        "closing "
            + ctx.channel().remoteAddress()
            + " ("
            + (id == null ? "no HELLO" : id)
            + "): "
            + reason);
    ctx.close();
  }
}
