package dev.entente.simulations.coverage;

import dev.entente.model.coverage.CoverageMark;

/**
 * The coverage marks of the simulator: the fault and protocol paths (network, physical clocks,
 * anti-entropy, workload) that a seed range should be shown to reach. Each is hit with {@code
 * Coverage.mark(SimMark.X)} at exactly one place (named in its Javadoc). {@link Marks#CATALOGUE}
 * holds these and {@code impl}'s.
 */
public enum SimMark implements CoverageMark {
  /** {@code SimNetwork.send}. */
  NET_LOST("the network dropped a message by random loss"),
  /** {@code SimNetwork.send}. */
  NET_CUT_AT_SEND("a partition dropped a message as it was sent"),
  /** {@code SimNetwork.arrive}. */
  NET_CUT_IN_FLIGHT("a partition installed while a message was in flight dropped it on arrival"),
  /** {@code SimNetwork.send}. */
  NET_DUPLICATED("the network delivered an extra copy of a message"),
  /** {@code SimNetwork.send}. */
  NET_DUPLICATE_OVERTAKES("a duplicate copy was scheduled to arrive before the original"),
  /** {@code SimNetwork.arrivalTick}. */
  NET_FIFO_HOLDS_BACK("a FIFO link delayed a message behind an earlier, slower one"),
  /** {@code SimNetwork.arrivalTick}. */
  NET_REORDERED("a message was scheduled to arrive before one sent earlier on the same link"),
  /** {@code SimNetwork.arrive}. */
  NET_HELD_BY_CLOG("a clogged endpoint held an arriving message back"),
  /** {@code SimNetwork.unclog}. */
  NET_RELEASED_BY_UNCLOG("unclogging an endpoint released messages it had held"),
  /** {@code SimNetwork.heal}. */
  NET_HEAL_WITH_MESSAGES_IN_FLIGHT("a partition healed while messages were in flight"),
  /** {@code SimClock.step}. */
  CLOCK_STEPPED_BACKWARDS("a physical clock was stepped back"),
  /** {@code SimClock.reset}. */
  CLOCK_RESET_UNDOES_STEP("the final heal reset a stepped physical clock"),
  /** {@code CausalBuffer.drain}. */
  SYNC_BUFFER_WAITS("op push left a change in the causal buffer for a missing predecessor"),
  /** {@code CausalBuffer.drain}. */
  SYNC_BUFFERED_CHANGE_RELEASED(
      "a change left waiting in the causal buffer was delivered once a later message filled the gap"),
  /** {@code OpPush.onTick}. */
  SYNC_OP_RETRANSMIT("op push resent changes a peer had not acknowledged"),
  /** {@code OpPush.onTick}. */
  SYNC_OP_BATCH_FULL("op push had more unacknowledged changes for a peer than one batch holds"),
  /** {@code DeltaPull.onMessage}. */
  SYNC_DELTA_NOTHING_MISSING("a delta pull found nothing the puller was missing"),
  /** {@code DeltaPull.onMessage}. */
  SYNC_DELTA_SENT("a delta pull answered with the changes the puller was missing"),
  /** {@code ProcessNemesis.crash}. */
  NEMESIS_CRASH_WITH_PENDING("a replica crashed while holding changes it could not yet deliver"),
  /** {@code ProcessNemesis.restart}. */
  NEMESIS_AMNESIA_RESTART("an amnesiac machine restarted as a new replica with nothing kept"),
  /** {@code ProcessNemesis.resume}. */
  NEMESIS_RESUME_WITH_QUEUED("a paused replica resumed and handled messages queued while paused"),
  /** {@code JoinNemesis.start}. */
  NEMESIS_JOIN_BOOTSTRAP("a late-joining machine bootstrapped from an up replica's state"),
  /** {@code SequencerClient.timeout}. */
  CLIENT_REQUEST_TIMED_OUT("a sequencer request timed out before its reply arrived"),
  /** {@code SequencerClient.onReply}. */
  CLIENT_REPLY_AFTER_TIMEOUT("a sequencer reply arrived after its request had timed out"),
  /** {@code Simulation.probe}. */
  CONVERGENCE_AFTER_SEVERAL_PROBES(
      "the convergence phase became quiescent only after more than one probe"),
  /** {@code OpResolver.adjust}. */
  WORKLOAD_ADJUST_RECREATES(
      "a calendar adjust found no consistent event to adjust and recreated the event"),
  /** {@code OpResolver.bound}. */
  WORKLOAD_ADJUST_AGAINST_SIBLINGS(
      "a calendar adjust resolved against several sibling values of one key"),
  /** {@code DiskRecovery.recover}. */
  STORAGE_RESTART_FROM_DISK("a crashed machine restarted from what its simulated disk kept"),
  /** {@code DiskRecovery.recover}. */
  STORAGE_TORN_RECORD_QUARANTINED(
      "a restart found a torn last record on the disk, quarantined it and recovered the rest"),
  /** {@code DiskRecovery.recover}. */
  STORAGE_FLIPPED_RECORD_QUARANTINED(
      "a restart caught a flipped bit by its checksum, quarantined the record, recovered the rest"),
  /** {@code Cluster.persist}. */
  STORAGE_DISK_FULL_REFUSED("a full disk refused a commit, and the step was not acknowledged"),
  /** {@code DiskRecovery.replay}. */
  STORAGE_SET_ASIDE_AFTER_HOLE(
      "a restart set aside stored changes that depended on a quarantined record"),
  /** {@code RangeReconcile.answer}. */
  SYNC_RECONCILE_SETTLED("a reconciliation frame settled every range it carried: no answer"),
  /** {@code RangeReconcile.answer}. */
  SYNC_RECONCILE_SHIPPED("a reconciliation session shipped the changes it learned the peer lacks"),
  /** {@code BloomSync.message}. */
  SYNC_BLOOM_NEED("a Bloom sync message asked for changes by hash (a head or a dependency)");

  private final String description;

  SimMark(String description) {
    this.description = description;
  }

  @Override
  public String markName() {
    return CoverageMark.nameOf(this);
  }

  @Override
  public String description() {
    return description;
  }
}
