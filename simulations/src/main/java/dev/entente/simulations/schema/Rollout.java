package dev.entente.simulations.schema;

import dev.entente.impl.schema.BuiltInSchemas;
import dev.entente.impl.schema.SchemaWrites;
import dev.entente.model.Change;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.schema.SchemaChain;
import dev.entente.model.schema.VersionedView;
import dev.entente.simulations.workload.ClientOp;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's schema rollout: the built-in calendar chain, each machine's upgrade plan, the seams the
 * cluster factory chose, and the changes the clients made. Machines write in the version they run
 * (validated on write against their own view), record that version in the change, read through the
 * lenses they know, and keep what they receive as written. Mutable (collects the authored changes);
 * owned by one run.
 */
public final class Rollout {
  private static final SchemaChain CALENDAR = BuiltInSchemas.calendar();

  private final SchemaChain chain;
  private final RolloutPlan plan;
  private final SchemaSeams seams;
  private final List<Change> authored = new ArrayList<>();

  /** A rollout of the calendar chain planned from {@code seed} over the safety phase. */
  public Rollout(long seed, long safetyEndTick, SchemaSeams seams) {
    this.chain = CALENDAR;
    this.plan = new RolloutPlan(seed, safetyEndTick, chain.latest());
    this.seams = seams;
  }

  /** The version the machine in {@code slot} runs at {@code tick}. */
  public int versionAt(int slot, long tick) {
    return plan.versionAt(slot, tick);
  }

  /**
   * The ops of {@code edit} as the machine in {@code slot} spells them at {@code tick}, validated
   * against its own view of {@code log}.
   */
  public List<Op> write(
      ClientOp.SchemaEdit edit, int slot, long tick, List<Change> log, String tag) {
    int v = versionAt(slot, tick);
    List<Op> ops = RolloutEdits.resolve(edit, chain.at(v), tag);
    VersionedView own = seams.views().read(chain.upTo(v), log, v);
    SchemaWrites.validate(chain.at(v), ops, own.known());
    return ops;
  }

  /** Notes a change a client made. */
  public void authored(Change change) {
    authored.add(change);
  }

  /** What the machine in {@code slot} keeps of the changes that arrived at {@code tick}. */
  public List<Change> inbound(int slot, long tick, List<Change> arrived) {
    int v = versionAt(slot, tick);
    return seams.inbound().filter(chain.upTo(v), v, arrived);
  }

  /** The replica {@code id} in {@code slot} with {@code log}, observed at {@code tick}. */
  public RolloutObservation observe(ReplicaId id, int slot, long tick, List<Change> log) {
    int v = versionAt(slot, tick);
    List<VersionedView> views = new ArrayList<>();
    for (int u = 1; u <= chain.latest(); u++) {
      views.add(seams.views().read(chain, log, u));
    }
    return new RolloutObservation(id, v, log, seams.views().read(chain.upTo(v), log, v), views);
  }

  /** The record for the checkers; {@code slots} is the number of machines the run had. */
  public RolloutRecord record(
      List<RolloutObservation> safety, List<RolloutObservation> finals, int slots) {
    int upgrades = 0;
    int never = 0;
    for (int s = 0; s < slots; s++) {
      int last = plan.finalVersion(s);
      upgrades += last - 1;
      never += last == 1 ? 1 : 0;
    }
    return new RolloutRecord(chain, authored, safety, finals, upgrades, never);
  }
}
