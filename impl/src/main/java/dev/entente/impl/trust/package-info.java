/**
 * Authenticity for replicas that do not trust the network or each other: device keys, the
 * document's membership, signed hash-linked envelopes and their verification, and equivocation.
 * Sans-IO and deterministic: key material is injected (a seed in tests and the simulator, {@link
 * dev.entente.impl.trust.SystemKeySource} outside). The rules are stated in {@link
 * dev.entente.impl.trust.TrustedReplica} and {@link dev.entente.impl.trust.Membership}.
 */
package dev.entente.impl.trust;
