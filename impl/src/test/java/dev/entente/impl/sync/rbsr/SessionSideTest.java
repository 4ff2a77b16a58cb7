package dev.entente.impl.sync.rbsr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.codec.DecodeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state both fingerprint sessions share: salt adoption and the id-list exchange. */
class SessionSideTest {
  private static final byte[] SALT = salt(7);

  private static byte[] salt(int fill) {
    byte[] s = new byte[Fingerprints.SALT_BYTES];
    Arrays.fill(s, (byte) fill);
    return s;
  }

  private static SyncItems items(int... ids) {
    List<SyncItems.Item> out = new ArrayList<>();
    for (int id : ids) {
      byte[] b = new byte[SyncId.BYTES];
      b[0] = (byte) id;
      out.add(new SyncItems.Item(id, SyncId.of(b)));
    }
    return SyncItems.of(out);
  }

  @Test
  void adoptSalt_responderFirstSalt_learnsIt() throws DecodeException {
    SessionSide side = SessionSide.responder(items(1));
    side.adoptSalt(SALT);
    side.adoptSalt(new byte[0]);
    assertThat(side.salt()).isEqualTo(SALT);
  }

  @Test
  void adoptSalt_otherSalt_isRejected() {
    SessionSide side = SessionSide.initiator(items(1), SALT);
    assertThatThrownBy(() -> side.adoptSalt(salt(8)))
        .isInstanceOfSatisfying(
            DecodeException.class, e -> assertThat(e.field()).isEqualTo("frame.salt"));
  }

  @Test
  void adoptSalt_responderBeforeAnySalt_isRejected() {
    SessionSide side = SessionSide.responder(items(1));
    assertThatThrownBy(() -> side.adoptSalt(new byte[0]))
        .isInstanceOfSatisfying(
            DecodeException.class, e -> assertThat(e.field()).isEqualTo("frame.flags"));
  }

  @Test
  void compareIds_partlyShared_needsTheirsAndSendsMine() {
    SessionSide mine = SessionSide.initiator(items(1, 2), SALT);
    SessionSide theirs = SessionSide.initiator(items(2, 3), SALT);
    List<Tag> theirTags = new ArrayList<>(theirs.tagsIn(0, 2).keySet());

    List<Tag> need = mine.compareIds(0, 2, theirTags);

    assertThat(need).containsExactly(theirs.fingerprints().tag(1));
    assertThat(mine.toSend()).containsExactly(items(1).id(0));
  }

  @Test
  void sendNeeded_namedTags_sendsOnlyThose() {
    SyncItems items = items(1, 2, 3);
    SessionSide side = SessionSide.initiator(items, SALT);

    side.sendNeeded(0, 3, List.of(side.fingerprints().tag(2)));

    assertThat(side.toSend()).containsExactly(items.id(2));
  }
}
