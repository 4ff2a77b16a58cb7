package dev.entente.impl.seal;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.EnvelopeCodec;
import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.impl.trust.DeviceKeyPair;
import dev.entente.impl.trust.DevicePublicKey;
import dev.entente.model.Check;
import dev.entente.model.ReplicaId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One device's keys for one document: seals its envelopes into {@link SealedFrame}s under an epoch
 * key, opens frames, makes and receives {@link EpochRotation}s. Sans-IO and deterministic given its
 * {@link Entropy} and {@link SealSeams}; mutable, not thread-safe.
 *
 * <p>Contract (docs/e2ee.md):
 *
 * <ul>
 *   <li>{@link #seal} uses an epoch whose readers the {@link RotationPolicy} accepts for the
 *       members the caller names now (standard: exactly them); if there is none it first rotates: a
 *       fresh secret, wrapped to each member's X25519 key, signed by this device. So once a removal
 *       is delivered to a writer, nothing it seals afterwards is readable by the removed device.
 *   <li>{@link #open} returns the envelope only if the frame authenticates under its epoch key with
 *       the header as associated data, its nonce is fresh for the epoch, and the plaintext agrees
 *       with the header; otherwise a typed {@link FrameRejection}. Opening never verifies the
 *       envelope's signature: the trusted replica does that next.
 *   <li>{@link #receive(EpochRotation, Function)} installs an epoch if its rotator is a member
 *       (caller's view), its signature verifies, the rotator is a reader, and this device is a
 *       reader whose wrapped key opens.
 * </ul>
 */
public final class EpochKeyring {
  private final Hash32 document;
  private final ReplicaId self;
  private final DeviceKeyPair device;
  private final AgreementKeyPair agreement;
  private final Entropy entropy;
  private final SealSeams seams;
  private final Padding padding;
  private final Map<Hash32, EpochKey> readable = new HashMap<>();
  private final Map<Hash32, EpochRotation> verified = new HashMap<>();
  private final Map<Hash32, Map<String, Hash32>> nonces = new HashMap<>();
  private final Set<Hash32> knownFrames = new HashSet<>();
  private long highestNumber;

  private EpochKeyring(Builder b) {
    this.document = b.document;
    this.self = b.self;
    this.device = b.device;
    this.agreement = b.agreement;
    this.entropy = b.entropy;
    this.seams = b.seams;
    this.padding = b.padding;
  }

  /**
   * A keyring with no epoch yet.
   *
   * @param device this device's Ed25519 key pair (signs rotations and its key package)
   * @param agreement this device's X25519 key pair (receives wrapped epoch secrets)
   * @param entropy where epoch secrets and ephemeral wrap keys come from
   */
  public static EpochKeyring create(
      Hash32 document,
      ReplicaId self,
      DeviceKeyPair device,
      AgreementKeyPair agreement,
      Entropy entropy,
      SealSeams seams,
      Padding padding) {
    Check.argument(
        document != null && self != null && device != null && agreement != null,
        "keyring identity must not be null");
    Check.argument(entropy != null && seams != null && padding != null, "keyring parts not null");
    return new EpochKeyring(
        new Builder(document, self, device, agreement, entropy, seams, padding));
  }

  private record Builder(
      Hash32 document,
      ReplicaId self,
      DeviceKeyPair device,
      AgreementKeyPair agreement,
      Entropy entropy,
      SealSeams seams,
      Padding padding) {}

  /** This device's signed X25519 key, for the rotators of this document. */
  public KeyPackage keyPackage() {
    return KeyPackage.signed(document, self, agreement.publicKey(), device);
  }

  /** This device's reader entry. */
  public Recipient recipient() {
    return new Recipient(self, agreement.publicKey());
  }

  /**
   * Seals {@code envelope} (by a reader of the epoch used), rotating first if no readable epoch may
   * be used for {@code membersNow} (which must include this device).
   */
  public Sealed seal(SignedEnvelope envelope, Roster membersNow) {
    Check.argument(envelope != null && membersNow != null, "envelope and members not null");
    Check.argument(
        envelope.document().equals(document), "envelope is for document %s", envelope.document());
    Optional<EpochKey> usable = sealingKey(membersNow);
    if (usable.isPresent()) {
      return new Sealed(Optional.empty(), sealUnder(usable.get(), envelope));
    }
    EpochRotation rotation = rotate(membersNow);
    return new Sealed(
        Optional.of(rotation),
        sealUnder(Objects.requireNonNull(readable.get(rotation.id())), envelope));
  }

  /** The epoch {@link #seal} would use for {@code membersNow} without rotating, if any. */
  public Optional<Hash32> sealingEpoch(Roster membersNow) {
    return sealingKey(membersNow).map(EpochKey::id);
  }

  private Optional<EpochKey> sealingKey(Roster membersNow) {
    return readable.values().stream()
        .filter(k -> seams.rotation().usable(k.rotation().roster(), membersNow))
        .min(
            Comparator.comparingLong((EpochKey k) -> -k.rotation().number())
                .thenComparing(EpochKey::id));
  }

  /** Starts a new epoch read by {@code membersNow} (this device among them) and installs it. */
  public EpochRotation rotate(Roster membersNow) {
    Check.argument(
        membersNow.slotOf(self).isPresent(), "%s must be a reader of its own epoch", self);
    byte[] secret = entropy.next(32);
    long number = highestNumber + 1;
    List<WrappedKey> wraps = new ArrayList<>(membersNow.size());
    for (Recipient r : membersNow.recipients()) {
      WrapContext context = new WrapContext(document, number, self, r.id());
      wraps.add(seams.wrap().wrap(secret, r, context, entropy));
    }
    EpochRotation rotation =
        EpochRotation.signed(document, number, self, membersNow, wraps, device);
    verified.put(rotation.id(), rotation);
    readable.put(rotation.id(), new EpochKey(rotation, secret));
    highestNumber = Math.max(highestNumber, number);
    return rotation;
  }

  private SealedFrame sealUnder(EpochKey key, SignedEnvelope envelope) {
    ReplicaId author = envelope.change().author();
    int slot =
        key.rotation()
            .roster()
            .slotOf(author)
            .orElseThrow(() -> new IllegalArgumentException(author + " is not a reader"));
    Hash32 frameId = key.frameId(envelope.hash());
    byte[] plaintext = pad(EnvelopeCodec.encode(envelope));
    byte[] nonce = seams.nonces().next();
    FrameHeader header =
        FrameHeader.of(
            document, key.id(), slot, frameId, nonce, plaintext.length + Aead.TAG_LENGTH);
    byte[] ciphertext =
        Aead.seal(key.frameKey(frameId), nonce, seams.binder().bind(header), plaintext);
    remember(header);
    return SealedFrame.of(header, ciphertext);
  }

  private byte[] pad(byte[] envelope) {
    byte[] out = new byte[padding.padded(4 + envelope.length)];
    int n = envelope.length;
    out[0] = (byte) (n >>> 24);
    out[1] = (byte) (n >>> 16);
    out[2] = (byte) (n >>> 8);
    out[3] = (byte) n;
    System.arraycopy(envelope, 0, out, 4, n);
    return out;
  }

  /** Decodes and receives a rotation; see {@link #receive(EpochRotation, Function)}. */
  public RotationResult receive(
      byte[] bytes, Function<ReplicaId, Optional<DevicePublicKey>> memberKeys) {
    Check.argument(bytes != null, "bytes must not be null");
    try {
      return receive(RotationCodec.decode(bytes), memberKeys);
    } catch (DecodeException e) {
      return new RotationResult.Rejected(
          RotationResult.Reason.MALFORMED,
          "at byte " + e.offset() + " (" + e.field() + "): " + e.reason());
    }
  }

  /**
   * Verifies {@code rotation} and, if this device is a reader, installs its epoch.
   *
   * @param memberKeys the member key of a device now, empty for a non-member
   */
  public RotationResult receive(
      EpochRotation rotation, Function<ReplicaId, Optional<DevicePublicKey>> memberKeys) {
    Check.argument(rotation != null && memberKeys != null, "rotation and members not null");
    Optional<RotationResult> refused = refusal(rotation, memberKeys);
    if (refused.isPresent()) {
      return refused.get();
    }
    verified.put(rotation.id(), rotation);
    highestNumber = Math.max(highestNumber, rotation.number());
    Optional<Integer> mine = rotation.roster().slotOf(self);
    if (mine.isEmpty()) {
      return new RotationResult.NotAReader(rotation.id(), rotation.number());
    }
    WrapContext context = new WrapContext(document, rotation.number(), rotation.rotator(), self);
    Optional<byte[]> secret =
        seams.wrap().unwrap(rotation.wraps().get(mine.get()), agreement, context);
    if (secret.isEmpty() || secret.get().length != 32) {
      return new RotationResult.Rejected(
          RotationResult.Reason.UNWRAP_FAILED, "the key wrapped to " + self + " does not open");
    }
    readable.put(rotation.id(), new EpochKey(rotation, secret.get()));
    return new RotationResult.Installed(rotation.id(), rotation.number());
  }

  private Optional<RotationResult> refusal(
      EpochRotation r, Function<ReplicaId, Optional<DevicePublicKey>> memberKeys) {
    if (!r.document().equals(document)) {
      return rejected(RotationResult.Reason.WRONG_DOCUMENT, "rotation for " + r.document());
    }
    if (verified.containsKey(r.id())) {
      return Optional.of(new RotationResult.Duplicate(r.id()));
    }
    Optional<DevicePublicKey> key = memberKeys.apply(r.rotator());
    if (key.isEmpty()) {
      return rejected(RotationResult.Reason.NOT_A_MEMBER, r.rotator() + " is not a member");
    }
    if (!r.verifies(key.get())) {
      return rejected(RotationResult.Reason.BAD_SIGNATURE, "signature of " + r + " fails");
    }
    if (r.roster().slotOf(r.rotator()).isEmpty()) {
      return rejected(RotationResult.Reason.ROTATOR_NOT_A_READER, r.rotator() + " not a reader");
    }
    return Optional.empty();
  }

  private static Optional<RotationResult> rejected(RotationResult.Reason reason, String detail) {
    return Optional.of(new RotationResult.Rejected(reason, detail));
  }

  /** Decodes and opens a frame; see {@link #open(SealedFrame)}. */
  public OpenResult open(byte[] bytes) {
    Check.argument(bytes != null, "bytes must not be null");
    try {
      return open(FrameCodec.decode(bytes));
    } catch (DecodeException e) {
      return rejected(new FrameRejection.Malformed(e.offset(), e.field(), e.reason()));
    }
  }

  /** Opens a frame; see the class contract. */
  public OpenResult open(SealedFrame frame) {
    Check.argument(frame != null, "frame must not be null");
    FrameHeader h = frame.header();
    if (!h.document().equals(document)) {
      return rejected(new FrameRejection.WrongDocument(document, h.document()));
    }
    EpochKey key = readable.get(h.epoch());
    if (key == null) {
      return rejected(
          new FrameRejection.UnreadableEpoch(h.epoch(), verified.containsKey(h.epoch())));
    }
    if (h.slot() >= key.rotation().roster().size()) {
      return rejected(new FrameRejection.NoSuchSlot(h.slot(), key.rotation().roster().size()));
    }
    byte[] ad = seams.binder().bind(h);
    Optional<byte[]> plain =
        Aead.open(key.frameKey(h.frameId()), h.nonce(), ad, frame.ciphertextUnsafe());
    if (plain.isEmpty()) {
      return rejected(new FrameRejection.Tampered(h.frameId()));
    }
    if (knownFrames.contains(h.frameId())) {
      return new OpenResult.Duplicate(h.frameId());
    }
    Hash32 earlier = noncesOf(h.epoch()).get(HexFormat.of().formatHex(h.nonce()));
    if (earlier != null) {
      return rejected(new FrameRejection.ReplayedNonce(h.epoch(), h.frameId(), earlier));
    }
    return readPlaintext(key, h, plain.get());
  }

  private OpenResult readPlaintext(EpochKey key, FrameHeader h, byte[] plain) {
    if (plain.length < 4) {
      return rejected(new FrameRejection.BadPadding(h.frameId(), "no length"));
    }
    long n = ((plain[0] & 0xffL) << 24) | ((plain[1] & 0xff) << 16) | ((plain[2] & 0xff) << 8);
    n |= plain[3] & 0xff;
    if (n > plain.length - 4 || !zerosFrom(plain, 4 + (int) n)) {
      return rejected(
          new FrameRejection.BadPadding(h.frameId(), "length " + n + " of " + plain.length));
    }
    SignedEnvelope envelope;
    try {
      envelope = EnvelopeCodec.decode(java.util.Arrays.copyOfRange(plain, 4, 4 + (int) n));
    } catch (DecodeException e) {
      return rejected(
          new FrameRejection.BadEnvelope(h.frameId(), e.offset(), e.field(), e.reason()));
    }
    Optional<FrameRejection> disagreement = disagreement(key, h, envelope);
    if (disagreement.isPresent()) {
      return rejected(disagreement.get());
    }
    remember(h);
    return new OpenResult.Opened(envelope, h.epoch(), h.frameId());
  }

  private static Optional<FrameRejection> disagreement(
      EpochKey key, FrameHeader h, SignedEnvelope envelope) {
    if (!envelope.document().equals(h.document())) {
      return Optional.of(
          new FrameRejection.HeaderDisagrees(h.frameId(), "document", "holds another document"));
    }
    ReplicaId inSlot = key.rotation().roster().get(h.slot()).id();
    if (!envelope.change().author().equals(inSlot)) {
      return Optional.of(
          new FrameRejection.HeaderDisagrees(
              h.frameId(),
              "slot",
              "names " + inSlot + ", author is " + envelope.change().author()));
    }
    if (!key.frameId(envelope.hash()).equals(h.frameId())) {
      return Optional.of(
          new FrameRejection.HeaderDisagrees(h.frameId(), "frameId", "is not the envelope's"));
    }
    return Optional.empty();
  }

  private static boolean zerosFrom(byte[] b, int from) {
    int acc = 0;
    for (int i = from; i < b.length; i++) {
      acc |= b[i];
    }
    return acc == 0;
  }

  private void remember(FrameHeader h) {
    knownFrames.add(h.frameId());
    noncesOf(h.epoch()).put(HexFormat.of().formatHex(h.nonce()), h.frameId());
  }

  private Map<String, Hash32> noncesOf(Hash32 epoch) {
    return nonces.computeIfAbsent(epoch, e -> new HashMap<>());
  }

  private static OpenResult rejected(FrameRejection r) {
    return new OpenResult.Rejected(r);
  }

  /** The epochs this device can read, sorted by id. */
  public List<Hash32> readableEpochs() {
    return readable.keySet().stream().sorted().toList();
  }

  /** The verified rotation of {@code epoch}, if received (readable or not). */
  public Optional<EpochRotation> rotation(Hash32 epoch) {
    return Optional.ofNullable(verified.get(epoch));
  }

  /**
   * Copies of the secrets of the readable epochs, sorted by epoch id: for leak audits only (the
   * simulator's confidentiality checker searches relay bytes for them). Never log them.
   */
  public List<byte[]> auditSecrets() {
    return readable.values().stream()
        .sorted(Comparator.comparing(EpochKey::id))
        .map(EpochKey::secret)
        .toList();
  }

  @Override
  public String toString() {
    return "EpochKeyring[" + self + ", " + readable.size() + " readable epochs]";
  }
}
