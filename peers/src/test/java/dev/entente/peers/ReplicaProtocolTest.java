package dev.entente.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.peers.adapters.EntenteReplica;
import dev.entente.peers.protocol.InProcessChannel;
import dev.entente.peers.protocol.MapOp;
import dev.entente.peers.protocol.PeerClient;
import dev.entente.peers.protocol.PeerError;
import dev.entente.peers.protocol.PeerFault;
import dev.entente.peers.protocol.PeerFinding;
import dev.entente.peers.protocol.PeerInfo;
import dev.entente.peers.protocol.ProcessChannel;
import dev.entente.peers.protocol.ReplicaProtocol;
import dev.entente.peers.protocol.ReplicaServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replica protocol's contract, on both sides, and the findings a bad process yields. */
class ReplicaProtocolTest {
  private static final long T = 1_700_000_000_000L;

  @Test
  void handshake_entente_echoesVersionAndNamesWhatItSupports() throws Exception {
    PeerClient c = new PeerClient("A", new InProcessChannel(new EntenteReplica()), line -> {});
    PeerInfo info = c.init(List.of("B"), T);
    assertThat(info.name()).isEqualTo("entente");
    assertThat(info.sync()).contains(ReplicaProtocol.SYNC_STATE);
    assertThat(info.policies()).contains("lww");
  }

  @Test
  void syncOutThenSyncIn_twoReplicas_converge() throws Exception {
    PeerClient a = client("A");
    PeerClient b = client("B");
    a.transact(List.of(MapOp.put("k", "a"), MapOp.put("x", "1")), T);
    b.transact(List.of(MapOp.put("k", "b")), T + 5);
    a.syncIn("B", b.syncOut("A", T + 6), T + 7);
    b.syncIn("A", a.syncOut("B", T + 8), T + 9);
    assertThat(a.state(T + 10)).isEqualTo(b.state(T + 10));
    assertThat(a.state(T + 10)).isEqualTo(Map.of("k", List.of("b"), "x", List.of("1")));
  }

  @Test
  void request_beforeInit_isADefiniteError() {
    PeerClient c = new PeerClient("A", new InProcessChannel(new EntenteReplica()), line -> {});
    assertThatThrownBy(() -> c.state(T))
        .isInstanceOfSatisfying(PeerError.class, e -> assertThat(e.definite()).isTrue());
  }

  @Test
  void server_garbageOrUnknownType_repliesMalformedOrNotSupported() {
    ReplicaServer s = new ReplicaServer(new EntenteReplica());
    assertThat(s.respond("not json")).contains("\"code\":12").contains("\"definite\":true");
    assertThat(s.respond("{\"type\":\"frobnicate\",\"id\":3,\"time\":1}"))
        .contains("\"in_reply_to\":3")
        .contains("\"code\":10");
  }

  @Test
  void trace_everyRequestAndReply_withoutTheNanosMeasurement() throws Exception {
    List<String> trace = new ArrayList<>();
    PeerClient c = new PeerClient("A", new InProcessChannel(new EntenteReplica()), trace::add);
    c.init(List.of(), T);
    assertThat(trace).hasSize(2);
    assertThat(trace.get(0)).startsWith("> A {\"type\":\"init\"");
    assertThat(trace.get(1)).startsWith("< A {\"type\":\"init_ok\"").doesNotContain("nanos");
  }

  @Test
  void process_thatNeverAnswers_isAHangFindingAfterTheInjectedTimeout() throws Exception {
    PeerFinding f = findingOf(List.of("sh", "-c", "exec sleep 30"), Duration.ofMillis(300));
    assertThat(f.kind()).isEqualTo(PeerFinding.Kind.HANG);
    assertThat(f.line()).contains("300 ms");
    assertThat(f.request()).contains("\"type\":\"init\"");
  }

  @Test
  void process_thatExits_isACrashFindingWithExitCodeAndStderr() throws Exception {
    PeerFinding f = findingOf(List.of("sh", "-c", "echo boom >&2; exit 3"), Duration.ofSeconds(10));
    assertThat(f.kind()).isEqualTo(PeerFinding.Kind.CRASH);
    assertThat(f.line()).contains("exit code 3").contains("boom");
  }

  @Test
  void process_thatWritesGarbage_isAMalformedFindingWithTheLine() throws Exception {
    PeerFinding f =
        findingOf(
            List.of("sh", "-c", "read x; echo 'hello there'; sleep 5"), Duration.ofSeconds(10));
    assertThat(f.kind()).isEqualTo(PeerFinding.Kind.MALFORMED);
    assertThat(f.line()).isEqualTo("hello there");
  }

  @Test
  void process_thatAnswersAnotherRequest_isAProtocolFinding() throws Exception {
    String reply = "{\"type\":\"init_ok\",\"in_reply_to\":99,\"protocol\":1}";
    PeerFinding f =
        findingOf(
            List.of("sh", "-c", "read x; echo '" + reply + "'; sleep 5"), Duration.ofSeconds(10));
    assertThat(f.kind()).isEqualTo(PeerFinding.Kind.PROTOCOL);
    assertThat(f.line()).contains("in_reply_to does not match");
  }

  @Test
  void process_thatCannotStart_isACrashFinding() {
    assertThatThrownBy(
            () ->
                ProcessChannel.start(
                    "A", List.of("/nonexistent/peer-binary"), null, Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(
            PeerFault.class, e -> assertThat(e.finding().kind()).isEqualTo(PeerFinding.Kind.CRASH));
  }

  private static PeerClient client(String id) throws Exception {
    PeerClient c = new PeerClient(id, new InProcessChannel(new EntenteReplica()), line -> {});
    c.init(List.of(), T);
    return c;
  }

  private static PeerFinding findingOf(List<String> command, Duration timeout) throws Exception {
    try (PeerClient c =
        new PeerClient("A", ProcessChannel.start("A", command, null, timeout), l -> {})) {
      c.init(List.of("B"), T);
      throw new AssertionError("expected a finding, the process answered");
    } catch (PeerFault e) {
      return e.finding();
    }
  }
}
