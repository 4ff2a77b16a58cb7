package dev.entente.simulations.relay;

import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.Dot;
import dev.entente.model.MaterialisedMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One client's state at the end of a relay run, for the checkers.
 *
 * @param index the client's index
 * @param honest false for the Byzantine member and for a removed member
 * @param map what a reader sees
 * @param accepted every envelope accepted, in acceptance order
 * @param acceptedAt the round each envelope was accepted in
 * @param equivocatedDots the dots it holds an equivocation proof for
 * @param alarms the freshness alarms it raised
 * @param pullRounds the rounds of its completed pulls
 * @param rejections rejected envelopes by type
 * @param refusedHeads heads refused for a bad signature or a non-member author
 * @param staleHeads heads ignored as older than one known
 * @param duplicates envelopes it already held
 * @param lostPushes pushes the relay did not acknowledge
 * @param lostPulls pull responses the relay lost
 * @param passedTag SHA-256 of each sealed frame whose AEAD tag verified (empty when plain)
 */
public record ClientReport(
    int index,
    boolean honest,
    MaterialisedMap map,
    List<SignedEnvelope> accepted,
    Map<Hash32, Integer> acceptedAt,
    List<Dot> equivocatedDots,
    List<FreshnessAlarm> alarms,
    List<Integer> pullRounds,
    SortedMap<String, Integer> rejections,
    int refusedHeads,
    int staleHeads,
    int duplicates,
    int lostPushes,
    int lostPulls,
    java.util.Set<Hash32> passedTag) {
  /** Copies the collections. */
  public ClientReport {
    accepted = List.copyOf(accepted);
    acceptedAt = Map.copyOf(acceptedAt);
    equivocatedDots = List.copyOf(equivocatedDots);
    alarms = List.copyOf(alarms);
    pullRounds = List.copyOf(pullRounds);
    passedTag = java.util.Set.copyOf(passedTag);
    rejections = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(rejections));
  }

  /** True if the client accepted the envelope {@code hash}. */
  public boolean hasAccepted(Hash32 hash) {
    return acceptedAt.containsKey(hash) || accepted.stream().anyMatch(e -> e.hash().equals(hash));
  }

  /** Total rejections. */
  public int rejected() {
    return rejections.values().stream().mapToInt(Integer::intValue).sum();
  }
}
