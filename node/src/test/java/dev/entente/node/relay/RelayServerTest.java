package dev.entente.node.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.node.wire.RelayFrame;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayServerTest {
  @TempDir Path dir;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private RelayServer relay;

  @BeforeEach
  void start() throws Exception {
    relay =
        RelayServer.start(0, dir.resolve("relay.db"), new RelayConfig(1024, 100, 8, 2), log::add);
  }

  @AfterEach
  void stop() throws Exception {
    relay.close();
  }

  private static String text(RelayFrame f) {
    return new String(f.payload(), StandardCharsets.UTF_8);
  }

  @Test
  void send_toConnectedNode_isDeliveredNamingTheSource() throws Exception {
    try (TestPeer a = TestPeer.hello(relay.port(), "a");
        TestPeer b = TestPeer.hello(relay.port(), "b")) {
      a.send("b", "hi");
      RelayFrame got = b.next();
      assertThat(got)
          .isEqualTo(
              new RelayFrame(RelayFrame.Type.DELIVER, "a", "hi".getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void send_toAbsentNode_isStoredAndDeliveredWhenItSaysHello() throws Exception {
    try (TestPeer b = TestPeer.hello(relay.port(), "b")) {
      assertThat(b.quiet()).isTrue();
    }
    try (TestPeer a = TestPeer.hello(relay.port(), "a")) {
      a.send("b", "one");
      a.send("b", "two");
      assertThat(a.quiet()).as("nothing comes back to the sender").isTrue();
    }
    try (TestPeer b = TestPeer.hello(relay.port(), "b")) {
      assertThat(text(b.next())).isEqualTo("one");
      assertThat(text(b.next())).isEqualTo("two");
    }
  }

  @Test
  void broadcast_reachesEveryOtherKnownNode_notTheSender() throws Exception {
    try (TestPeer a = TestPeer.hello(relay.port(), "a");
        TestPeer b = TestPeer.hello(relay.port(), "b");
        TestPeer c = TestPeer.hello(relay.port(), "c")) {
      b.send("a", "sync"); // b's HELLO is stored once this arrives
      assertThat(text(a.next())).isEqualTo("sync");
      a.send("*", "all");
      assertThat(text(b.next())).isEqualTo("all");
      assertThat(text(c.next())).isEqualTo("all");
      assertThat(a.quiet()).isTrue();
    }
  }

  @Test
  void oversizedFrame_closesThatConnectionOnly_withALoggedReason() throws Exception {
    try (TestPeer a = TestPeer.hello(relay.port(), "a");
        TestPeer b = TestPeer.hello(relay.port(), "b");
        TestPeer big = TestPeer.hello(relay.port(), "big")) {
      big.send("a", "x".repeat(2000));
      assertThat(big.closedByRelay()).isTrue();
      b.send("a", "still here");
      assertThat(text(a.next())).isEqualTo("still here");
    }
    assertThat(log).anyMatch(l -> l.contains("(big): oversized frame"));
  }

  @Test
  void malformedFrame_closesThatConnectionOnly_namingOffsetAndField() throws Exception {
    try (TestPeer a = TestPeer.hello(relay.port(), "a");
        TestPeer bad = TestPeer.hello(relay.port(), "bad")) {
      bad.raw(new byte[] {1, 2, 0});
      assertThat(bad.closedByRelay()).isTrue();
      try (TestPeer c = TestPeer.hello(relay.port(), "c")) {
        c.send("a", "fine");
        assertThat(text(a.next())).isEqualTo("fine");
      }
    }
    assertThat(log)
        .anyMatch(l -> l.contains("(bad): malformed frame at byte 2 (frame.name.length)"));
  }

  @Test
  void sendBeforeHello_closesTheConnection() throws Exception {
    try (TestPeer anon = new TestPeer(relay.port())) {
      anon.send("a", "who am I");
      assertThat(anon.closedByRelay()).isTrue();
    }
    assertThat(log).anyMatch(l -> l.contains("SEND before HELLO"));
  }

  @Test
  void destinationQueue_isBounded_oldestDropped() throws Exception {
    try (TestPeer b = TestPeer.hello(relay.port(), "b")) {
      assertThat(b.quiet()).isTrue();
    }
    try (TestPeer a = TestPeer.hello(relay.port(), "a")) {
      for (int i = 0; i < 150; i++) {
        a.send("b", "m" + i);
      }
      a.send("a", "fence"); // to itself: arrives after every store above
      assertThat(text(a.next())).isEqualTo("fence");
    }
    assertThat(relay.waiting("b")).isEqualTo(100);
    try (TestPeer b = TestPeer.hello(relay.port(), "b")) {
      assertThat(text(b.next())).isEqualTo("m50");
    }
  }
}
