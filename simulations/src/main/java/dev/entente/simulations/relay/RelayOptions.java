package dev.entente.simulations.relay;

import dev.entente.model.Check;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Every option of one relay run; the run is a pure function of these. Immutable.
 *
 * @param seed the seed every draw comes from
 * @param clients honest member devices (client 0 owns the document), 2 to 8
 * @param attackRounds rounds in which the attacks are active
 * @param healRounds rounds after them in which the relay is honest (as after a failover)
 * @param attacks the active attacks
 * @param mutant the trust components' mutant, {@link RelayMutant#NONE} for the real ones
 * @param patience completed pulls a client waits for a named envelope before it raises an alarm
 * @param sealed true if envelopes travel sealed (end-to-end encrypted); a mutant that needs plain
 *     envelopes turns it off
 * @param removal true if the owner removes the last honest member in the middle of the attack
 *     rounds (a mutant that needs a removal turns it on)
 */
public record RelayOptions(
    long seed,
    int clients,
    int attackRounds,
    int healRounds,
    Set<Attack> attacks,
    RelayMutant mutant,
    int patience,
    boolean sealed,
    boolean removal) {
  /** Clients by default. */
  public static final int DEFAULT_CLIENTS = 4;

  /** Attack rounds by default. */
  public static final int DEFAULT_ATTACK_ROUNDS = 24;

  /** Heal rounds by default. */
  public static final int DEFAULT_HEAL_ROUNDS = 8;

  /**
   * The default patience: one more completed pull than the delay attack's largest delay (2 rounds),
   * so an honest but slow relay never raises an alarm.
   */
  public static final int DEFAULT_PATIENCE = 3;

  /** Validates and copies. */
  public RelayOptions {
    Check.argument(clients >= 2 && clients <= 8, "clients must be in [2, 8], was %d", clients);
    Check.argument(attackRounds >= 1, "attack rounds must be >= 1, was %d", attackRounds);
    Check.argument(healRounds >= 1, "heal rounds must be >= 1, was %d", healRounds);
    Check.argument(attacks != null && mutant != null, "null relay option");
    Check.argument(patience >= 1, "patience must be >= 1, was %d", patience);
    EnumSet<Attack> copy = EnumSet.noneOf(Attack.class);
    copy.addAll(attacks);
    copy.addAll(mutant.attacks());
    attacks = Collections.unmodifiableSet(copy);
    sealed = sealed && !mutant.needsPlain();
    removal = removal || mutant.needsRemoval();
  }

  /** The defaults for {@code seed} under {@code attacks}. */
  public static RelayOptions of(long seed, Set<Attack> attacks, RelayMutant mutant) {
    return new RelayOptions(
        seed,
        DEFAULT_CLIENTS,
        DEFAULT_ATTACK_ROUNDS,
        DEFAULT_HEAL_ROUNDS,
        attacks,
        mutant,
        DEFAULT_PATIENCE,
        true,
        false);
  }

  /** A copy sealed or plain (a mutant that needs plain envelopes keeps them plain). */
  public RelayOptions withSealed(boolean on) {
    return new RelayOptions(
        seed, clients, attackRounds, healRounds, attacks, mutant, patience, on, removal);
  }

  /** A copy in which the owner removes a member mid-run, or not (a mutant may need it on). */
  public RelayOptions withRemoval(boolean on) {
    return new RelayOptions(
        seed, clients, attackRounds, healRounds, attacks, mutant, patience, sealed, on);
  }

  /** The member the owner removes (the last honest one), in round {@link #removalRound}. */
  public int removedMember() {
    return clients - 1;
  }

  /** The round in which the owner removes {@link #removedMember}: half-way through the attacks. */
  public int removalRound() {
    return attackRounds / 2;
  }

  /** True if the Byzantine member takes part. */
  public boolean byzantine() {
    return attacks.contains(Attack.EQUIVOCATE);
  }

  /** Every option as {@code key=value} words, in a fixed order. */
  public String describe() {
    return String.format(
            Locale.ROOT,
            "seed=%d topology=relay clients=%d attacks=%s mutant=%s attack-rounds=%d heal-rounds=%d"
                + " patience=%d sealed=%b",
            seed,
            clients,
            Attack.describe(attacks),
            mutant.optionName(),
            attackRounds,
            healRounds,
            patience,
            sealed)
        + (removal ? " removal=true" : "");
  }

  /** The command that replays this run. */
  public String replayCommand() {
    String m = mutant == RelayMutant.NONE ? "" : " --relay-mutant " + mutant.optionName();
    return "./entente simulate --seed "
        + seed
        + " --topology relay --attacks "
        + Attack.describe(attacks)
        + m;
  }
}
