package dev.entente.node.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.histories.EdnHistoryReader;
import dev.entente.model.Key;
import dev.entente.model.Value;
import dev.entente.model.history.KvOps;
import dev.entente.node.RealTime;
import dev.entente.node.relay.RelayConfig;
import dev.entente.node.relay.RelayServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NodeControlTest {
  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private RelayServer relay;

  @BeforeEach
  void startRelay() throws Exception {
    relay = RelayServer.start(0, dir.resolve("relay.db"), RelayConfig.DEFAULT, line -> {});
  }

  @AfterEach
  void stopRelay() throws Exception {
    relay.close();
  }

  private NodeProcess node(String id, Protocol p) throws Exception {
    NodeOptions o =
        new NodeOptions(
            id, "127.0.0.1", relay.port(), dir.resolve(id + ".db"), 0, p, 50, NodeMutant.NONE);
    return NodeProcess.start(o, line -> {});
  }

  private HttpResponse<String> call(NodeProcess n, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.controlPort() + path));
    b = method.equals("GET") ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private List<Value> read(NodeProcess n, String key) throws Exception {
    Object v = EdnHistoryReader.readValue(call(n, "GET", "/read", "").body());
    return KvOps.readView(v).get(Key.of(key));
  }

  /** Polls {@code ok} for up to 10 s: replication is asynchronous, the bound keeps tests finite. */
  private static boolean eventually(Supplier<Boolean> ok) {
    for (int i = 0; i < 200; i++) {
      if (ok.get()) {
        return true;
      }
      RealTime.sleep(50);
    }
    return false;
  }

  private Supplier<Boolean> shows(NodeProcess n, String key, String value) {
    return () -> {
      try {
        return read(n, key).equals(List.of(Value.of(value)));
      } catch (Exception e) {
        return false;
      }
    };
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void put_onOneNode_reachesTheOtherThroughTheRelay(Protocol p) throws Exception {
    try (NodeProcess a = node("a", p);
        NodeProcess b = node("b", p)) {
      assertThat(call(a, "POST", "/put?key=k&value=v1", "").statusCode()).isEqualTo(200);
      assertThat(eventually(shows(b, "k", "v1"))).isTrue();
    }
  }

  @Test
  void transact_writesEveryLine_andDeleteRemoves() throws Exception {
    try (NodeProcess a = node("a", Protocol.DELTA)) {
      HttpResponse<String> r =
          call(a, "POST", "/transact", "put\tevent%2F1%2Fstart\t3\nput\tx\ty\n");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(read(a, "event/1/start")).containsExactly(Value.of("3"));
      assertThat(call(a, "POST", "/delete?key=x", "").statusCode()).isEqualTo(200);
      assertThat(read(a, "x")).isEmpty();
    }
  }

  @Test
  void transact_badLine_is400NamingTheLine() throws Exception {
    try (NodeProcess a = node("a", Protocol.DELTA)) {
      HttpResponse<String> r = call(a, "POST", "/transact", "put\tk\tv\nfrobnicate\tk\n");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("line 2 is not");
    }
  }

  @Test
  void unknownOperation_is400() throws Exception {
    try (NodeProcess a = node("a", Protocol.DELTA)) {
      assertThat(call(a, "GET", "/nope", "").statusCode()).isEqualTo(400);
    }
  }

  @Test
  void acknowledgedWrite_survivesARestartOnTheSameDatabase() throws Exception {
    try (NodeProcess a = node("a", Protocol.DELTA)) {
      assertThat(call(a, "POST", "/put?key=k&value=kept", "").statusCode()).isEqualTo(200);
    }
    try (NodeProcess a = node("a", Protocol.DELTA)) {
      assertThat(read(a, "k")).containsExactly(Value.of("kept"));
      assertThat(call(a, "GET", "/state", "").body()).contains(":connected");
    }
  }

  @Test
  void clockOffset_shiftsTheTimestampsOfLaterWrites() throws Exception {
    try (NodeProcess a = node("a", Protocol.DELTA)) {
      long before = a.physical().millis();
      assertThat(call(a, "POST", "/clock?offset=3600000", "").body()).isEqualTo("3600000");
      assertThat(a.physical().millis()).isGreaterThanOrEqualTo(before + 3_600_000);
      call(a, "POST", "/put?key=k&value=later", "");
      assertThat(a.call(() -> a.replica().delivered().get(0)).timestamp().wallMillis())
          .isGreaterThanOrEqualTo(before + 3_600_000);
    }
  }
}
