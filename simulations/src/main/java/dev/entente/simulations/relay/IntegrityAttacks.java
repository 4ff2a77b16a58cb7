package dev.entente.simulations.relay;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.EnvelopeCodec;
import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.Value;
import dev.entente.model.coverage.Coverage;
import dev.entente.simulations.random.Ratio;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The attacks on integrity: tamper (flip a byte of a served frame) and forge (inject envelopes and
 * heads signed with a key that is no member's). Both record what they made in the {@link
 * RelayTruth}, so a checker can prove none of it was applied.
 */
final class IntegrityAttacks {
  private IntegrityAttacks() {}

  /**
   * Alters one served frame in four: a sealed envelope frame is, one time in two, moved to the next
   * author slot (its ciphertext untouched, as Evolu's relay could move one between slots); any
   * other alteration flips one random bit pattern.
   */
  static RelayNemesis tamper(AdversaryContext ctx) {
    return new RelayNemesis() {
      @Override
      public List<Frame> alter(List<Frame> served, int client, int round) {
        List<Frame> out = new ArrayList<>();
        for (Frame f : served) {
          if (f.size() > 1 && ctx.prng().chance(Ratio.of(1, 4))) {
            Frame bad = tampered(ctx, f);
            recordTampered(ctx, f, bad);
            ctx.truth().tamperedPayload(Hash32.sha256(bad.payload()));
            out.add(bad);
          } else {
            out.add(f);
          }
        }
        return out;
      }
    };
  }

  private static Frame tampered(AdversaryContext ctx, Frame f) {
    if (isSealedEnvelope(f) && ctx.prng().chance(Ratio.of(1, 2))) {
      Coverage.mark(RelayMark.RELAY_FRAME_MOVED);
      return f.flip(SLOT_LOW_BYTE, 1);
    }
    return f.flip(1 + ctx.prng().nextInt(f.size() - 1), 1 + ctx.prng().nextInt(255));
  }

  /** The low byte of a sealed frame's author slot: kind, magic, version, document, epoch, slot. */
  private static final int SLOT_LOW_BYTE = 1 + 4 + 1 + 32 + 32 + 1;

  private static boolean isSealedEnvelope(Frame f) {
    byte[] b = f.bytes();
    return f.kind() == Frame.ENVELOPE
        && b.length > SLOT_LOW_BYTE
        && b[1] == 'E'
        && b[2] == 'N'
        && b[3] == 'T'
        && b[4] == 'F';
  }

  private static void recordTampered(AdversaryContext ctx, Frame genuine, Frame bad) {
    Optional<SignedEnvelope> before = envelopeIn(genuine);
    Optional<SignedEnvelope> after = envelopeIn(bad);
    if (after.isPresent()
        && (before.isEmpty() || !before.get().hash().equals(after.get().hash()))) {
      ctx.truth().tampered(after.get().hash());
    }
  }

  /** With chance 1/3 per pull, adds a forged copy of a stored envelope and a forged head. */
  static RelayNemesis forge(AdversaryContext ctx) {
    return new RelayNemesis() {
      private int forgeries;

      @Override
      public List<Frame> alter(List<Frame> served, int client, int round) {
        if (ctx.store().isEmpty() || !ctx.prng().chance(Ratio.of(1, 3))) {
          return served;
        }
        List<Frame> out = new ArrayList<>(served);
        StoredFrame template = ctx.store().get(ctx.prng().nextInt(ctx.store().size()));
        Optional<SignedEnvelope> real = envelopeIn(template.frame());
        if (real.isPresent()) {
          out.add(forgedSibling(ctx, real.get(), ++forgeries));
        }
        out.add(forgedHead(ctx, round));
        return out;
      }
    };
  }

  /** The same dot, past and links as {@code real}, another value, signed by the forger. */
  private static Frame forgedSibling(AdversaryContext ctx, SignedEnvelope real, int n) {
    Change c = real.change();
    Op op = new Op.Put(Key.of("k" + ctx.prng().nextInt(4)), Value.of("forged-" + n));
    Change fake = new Change(c.author(), c.seq(), c.timestamp(), c.seen(), List.of(op));
    SignedEnvelope forged =
        SignedEnvelope.signed(ctx.document(), fake, real.links(), ctx.forgerKey()::sign);
    ctx.truth().forged(forged.hash());
    return Frame.of(Frame.ENVELOPE, EnvelopeCodec.encode(forged));
  }

  /** A head of a random member, far ahead of any real counter, naming a made-up hash. */
  private static Frame forgedHead(AdversaryContext ctx, int round) {
    Hash32 bogus =
        Hash32.sha256(("bogus-" + round).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    SignedHead head =
        SignedHead.sign(
            ctx.document(),
            ctx.clients().get(ctx.prng().nextInt(ctx.clients().size())),
            1_000_000L + round,
            List.of(bogus),
            ctx.forgerKey());
    ctx.truth().forgedHead();
    return Frame.of(Frame.HEAD, head.encode());
  }

  /** The envelope a frame carries, if it is an envelope frame that decodes. */
  static Optional<SignedEnvelope> envelopeIn(Frame f) {
    if (f.kind() != Frame.ENVELOPE) {
      return Optional.empty();
    }
    try {
      return Optional.of(EnvelopeCodec.decode(f.payload()));
    } catch (DecodeException e) {
      return Optional.empty();
    }
  }
}
