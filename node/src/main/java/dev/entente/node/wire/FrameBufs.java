package dev.entente.node.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.ReferenceCountUtil;

/** The length-prefixed framing on Netty channels, shared by the relay and the node's client. */
public final class FrameBufs {
  private FrameBufs() {}

  /** A decoder splitting the stream into bodies of at most {@code maxBody} bytes, failing fast. */
  public static ChannelHandler splitter(int maxBody) {
    return new LengthFieldBasedFrameDecoder(maxBody + 4, 0, 4, 0, 4, true);
  }

  /** The frame as one buffer: the 4-byte length, then the body. */
  public static ByteBuf toBuf(RelayFrame frame) {
    byte[] body = frame.encode();
    ByteBuf buf = Unpooled.buffer(4 + body.length);
    buf.writeInt(body.length);
    buf.writeBytes(body);
    return buf;
  }

  /**
   * Copies the body out of a message a frame splitter passed on, and releases the message, even
   * when it is not a buffer (then the cast fails after the release).
   */
  public static byte[] take(Object msg) {
    try {
      return bytes((ByteBuf) msg);
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  /** Copies a body buffer out (the caller still releases it). */
  public static byte[] bytes(ByteBuf body) {
    byte[] out = new byte[body.readableBytes()];
    body.getBytes(body.readerIndex(), out);
    return out;
  }
}
