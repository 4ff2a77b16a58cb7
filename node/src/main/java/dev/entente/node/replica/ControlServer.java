package dev.entente.node.replica;

import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.storage.DurableReplica;
import dev.entente.model.Change;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.history.EdnText;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.KvOps;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The node's control API: plain HTTP (Netty) on 127.0.0.1 only, UTF-8 text, one request per
 * operation.
 *
 * <pre>
 * POST /put?key=K&amp;value=V      put; answers the change (hex of its ChangeCodec encoding)
 * POST /delete?key=K             delete; answers the change
 * POST /transact                 body: one op per line, "put K V" or "delete K", fields
 *                                separated by one tab and URL-encoded; answers the change
 * GET  /read                     the read as the history records it (EDN: :replica :vv :values)
 * GET  /state                    EDN {:read .., :changes ["hex" ..], :pending n, :connected b}
 * POST /clock?offset=MS          sets the physical clock's offset; answers it
 * </pre>
 *
 * A write is answered only after SQLite committed it. Bad input is a 400 naming what and where; a
 * failing replica a 500 with the reason. Thread-safe.
 */
final class ControlServer implements AutoCloseable {
  /** Largest request body accepted. */
  private static final int MAX_BODY = 1 << 20;

  private final NodeProcess node;
  private final EventLoopGroup loop =
      new NioEventLoopGroup(1, new DefaultThreadFactory("control-io", true));
  private final ExecutorService workers =
      Executors.newFixedThreadPool(2, new DefaultThreadFactory("control", true));
  private final Channel server;

  ControlServer(NodeProcess node, int port) {
    this.node = node;
    this.server =
        new ServerBootstrap()
            .group(loop)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(MAX_BODY))
                        .addLast(new Handler());
                  }
                })
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
            .syncUninterruptibly()
            .channel();
  }

  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Hands each request to a worker: the replica thread may take a while, Netty's must not wait. */
  private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      QueryStringDecoder uri = new QueryStringDecoder(req.uri(), StandardCharsets.UTF_8);
      Map<String, String> q = new LinkedHashMap<>();
      uri.parameters().forEach((k, v) -> q.put(k, v.get(0)));
      String method = req.method().name();
      String body = req.content().toString(StandardCharsets.UTF_8);
      boolean keepAlive = HttpUtil.isKeepAlive(req);
      workers.execute(() -> answer(ctx, method, uri.path(), q, body, keepAlive));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  private void answer(
      ChannelHandlerContext ctx,
      String method,
      String path,
      Map<String, String> q,
      String body,
      boolean keepAlive) {
    HttpResponseStatus status = HttpResponseStatus.OK;
    String text;
    try {
      text = route(method, path, q, body);
    } catch (IllegalArgumentException e) {
      status = HttpResponseStatus.BAD_REQUEST;
      text = "bad request " + path + ": " + e.getMessage();
    } catch (Exception e) {
      status = HttpResponseStatus.INTERNAL_SERVER_ERROR;
      text = "failed " + path + ": " + e;
    }
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    HttpUtil.setContentLength(r, r.content().readableBytes());
    HttpUtil.setKeepAlive(r, keepAlive);
    ChannelFuture f = ctx.writeAndFlush(r);
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private String route(String method, String path, Map<String, String> q, String body)
      throws Exception {
    boolean post = method.equals("POST");
    if (post && path.equals("/put")) {
      return hex(node.transact(List.of(Op.put(need(q, "key"), need(q, "value")))));
    } else if (post && path.equals("/delete")) {
      return hex(node.transact(List.of(Op.delete(need(q, "key")))));
    } else if (post && path.equals("/transact")) {
      return hex(node.transact(ops(body)));
    } else if (path.equals("/read")) {
      return node.call(node::readText);
    } else if (path.equals("/state")) {
      return node.call(this::state);
    } else if (post && path.equals("/clock")) {
      long offset = Long.parseLong(need(q, "offset"));
      node.physical().setOffsetMillis(offset);
      return Long.toString(offset);
    }
    throw new IllegalArgumentException("no such operation: " + method + " " + path);
  }

  private String state() {
    DurableReplica r = node.replica();
    List<String> changes = new ArrayList<>();
    for (Change c : r.delivered()) {
      changes.add(HexFormat.of().formatHex(ChangeCodec.encode(c)));
    }
    Map<Keyword, Object> s = new LinkedHashMap<>();
    s.put(Keyword.of("read"), read(r, node.id()));
    s.put(Keyword.of("changes"), changes);
    s.put(Keyword.of("pending"), (long) r.pending().size());
    s.put(Keyword.of("connected"), node.relay().connected());
    s.put(Keyword.of("dropped"), node.relay().dropped());
    return EdnText.print(s);
  }

  static String readText(DurableReplica r, String id) {
    return EdnText.print(read(r, id));
  }

  private static Map<Keyword, Object> read(DurableReplica r, String id) {
    return KvOps.readValue(ReplicaId.of(id), r.versionVector(), r.materialise());
  }

  /** Parses the transact body; a bad line fails naming its number. */
  static List<Op> ops(String body) {
    List<Op> ops = new ArrayList<>();
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      String[] f = lines[i].split("\t", -1);
      if (f.length == 3 && f[0].equals("put")) {
        ops.add(Op.put(decode(f[1]), decode(f[2])));
      } else if (f.length == 2 && f[0].equals("delete")) {
        ops.add(Op.delete(decode(f[1])));
      } else {
        throw new IllegalArgumentException(
            "line " + (i + 1) + " is not 'put<TAB>key<TAB>value' or 'delete<TAB>key'");
      }
    }
    if (ops.isEmpty()) {
      throw new IllegalArgumentException("a transaction needs at least one op");
    }
    return ops;
  }

  private static String need(Map<String, String> q, String name) {
    String v = q.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing query parameter '" + name + "'");
    }
    return v;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String hex(Change c) {
    return HexFormat.of().formatHex(ChangeCodec.encode(c));
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownNow();
  }
}
