package dev.entente.simulations.relay;

import dev.entente.impl.seal.SealSeams;
import dev.entente.impl.trust.TrustSeams;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of deliberately broken trust components for the relay topology ("test the tester"):
 * each is {@link RelayFactory#REAL} with one point replaced, and {@link #attacks} names the attacks
 * under which it is reachable. The relay mutant test requires each to be caught within 40 seeds.
 */
public enum RelayMutant {
  /** The real thing. */
  NONE("no mutation", RelayFactory.REAL, EnumSet.noneOf(Attack.class)),

  /** Any signature is accepted. */
  SIGNATURE_NOT_VERIFIED(
      "envelope signatures are not verified",
      RelayFactory.REAL.withTrust(
          new TrustSeams(
              (key, message, signature) -> true,
              TrustSeams.REAL.links(),
              TrustSeams.REAL.quarantine(),
              RelayFactory.TIMESTAMPS)),
      EnumSet.of(Attack.FORGE)) {
    @Override
    public boolean needsPlain() {
      // Sealed, the relay cannot make a frame that opens, so only plain envelopes reach the check.
      return true;
    }
  },

  /** Hash links are not checked against the change's seen. */
  HASH_LINKS_NOT_CHECKED(
      "hash links are not checked against seen",
      RelayFactory.REAL.withTrust(
          new TrustSeams(
              TrustSeams.REAL.signatures(),
              (change, linked, past) -> Optional.empty(),
              TrustSeams.REAL.quarantine(),
              RelayFactory.TIMESTAMPS)),
      EnumSet.of(Attack.EQUIVOCATE)),

  /** The first version of an equivocated dot stays applied; later ones are only kept as proof. */
  EQUIVOCATION_FIRST_COME(
      "equivocation resolved first-come instead of quarantining every version",
      RelayFactory.REAL.withTrust(
          new TrustSeams(
              TrustSeams.REAL.signatures(),
              TrustSeams.REAL.links(),
              versions -> false,
              RelayFactory.TIMESTAMPS)),
      EnumSet.of(Attack.EQUIVOCATE)),

  /** The freshness monitor never raises an alarm. */
  FRESHNESS_CHECK_OFF(
      "the freshness check is off (a hidden past is never flagged)",
      RelayFactory.REAL.withMonitors(
          (client, patience) ->
              new FreshnessMonitor(client, patience) {
                @Override
                protected void raise(FreshnessAlarm alarm) {
                  // Silent: the flaw under test.
                }
              }),
      EnumSet.of(Attack.FORK, Attack.ROLLBACK, Attack.WITHHOLD)),

  /** Every sealing also pushes the epoch secrets to the relay, unencrypted. */
  KEY_SENT_IN_CLEAR(
      "an epoch key is sent to the relay in the clear",
      RelayFactory.REAL.withKeysInClear(),
      EnumSet.noneOf(Attack.class)),

  /** Every frame is sealed with the same nonce. */
  NONCE_REUSED(
      "the sealing nonce is reused",
      RelayFactory.REAL.withSeals(
          entropy -> SealSeams.standard(entropy).withNonces(() -> new byte[12])),
      EnumSet.noneOf(Attack.class)),

  /**
   * The associated data binds nothing: a frame the relay moves to another author slot opens (and an
   * honest author is blamed for it).
   */
  AD_NOT_BOUND(
      "associated data is not bound to document, epoch, slot and frame",
      RelayFactory.REAL.withSeals(
          entropy -> SealSeams.standard(entropy).withBinder(header -> new byte[0])),
      EnumSet.of(Attack.TAMPER)),

  /**
   * Writers keep sealing under any epoch that all of today's members read, so a removed member
   * still reads what is written after its removal.
   */
  NO_KEY_ROTATION_ON_REMOVAL(
      "the epoch key does not rotate when a member is removed",
      RelayFactory.REAL.withSeals(
          entropy ->
              SealSeams.standard(entropy)
                  .withRotation(
                      (readers, now) -> readers.recipients().containsAll(now.recipients()))),
      EnumSet.noneOf(Attack.class)) {
    @Override
    public boolean needsRemoval() {
      return true;
    }
  },

  /** Any timestamp is accepted: the Byzantine member's back- and future-dated changes apply. */
  TIMESTAMPS_NOT_CHECKED(
      "timestamps are not checked against the change's predecessors",
      RelayFactory.REAL.withTrust(
          RelayFactory.REAL.trust().withTimestamps((change, linked) -> Optional.empty())),
      EnumSet.of(Attack.EQUIVOCATE));

  private final String description;
  private final RelayFactory factory;
  private final Set<Attack> attacks;

  RelayMutant(String description, RelayFactory factory, Set<Attack> attacks) {
    this.description = description;
    this.factory = factory;
    this.attacks = attacks;
  }

  /** How a client is assembled under this mutant. */
  public RelayFactory factory() {
    return factory;
  }

  /** What the mutant breaks, in one sentence. */
  public String description() {
    return description;
  }

  /** The attacks under which the mutant is reachable (added to the run's attacks). */
  public Set<Attack> attacks() {
    EnumSet<Attack> out = EnumSet.noneOf(Attack.class);
    out.addAll(attacks);
    return out;
  }

  /** True if the mutant is reachable only with plain (unsealed) envelopes. */
  public boolean needsPlain() {
    return false;
  }

  /** True if the mutant is reachable only in a run where a member is removed. */
  public boolean needsRemoval() {
    return false;
  }

  /** The option name: the constant in lowercase with dashes. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses an option name. */
  public static RelayMutant parse(String name) {
    for (RelayMutant m : values()) {
      if (m.optionName().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("'" + name + "' is not a relay mutant");
  }
}
