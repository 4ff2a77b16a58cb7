/**
 * Merkle-tree sync over time buckets, in the manner of Actual's and TinyBase's synchronisers: a
 * 16-way hash tree over the 64-bit millisecond timestamp, one hex digit per level, so a node at
 * depth d is the bucket of 16^(16-d) milliseconds its prefix names and a leaf is one millisecond.
 * Peers compare node fingerprints from the root down, split mismatching buckets into their sixteen
 * children, and swap id lists once a bucket holds few items. Unlike Actual's XOR of unkeyed hashes,
 * a node's fingerprint is RBSR's salted sum-then-hash ({@link
 * dev.entente.impl.sync.rbsr.Fingerprints}), so nobody can plant changes that cancel out. {@link
 * dev.entente.impl.sync.merkle.MerkleSession} is the sans-IO state machine, {@link
 * dev.entente.impl.sync.merkle.MerkleCodec} its canonical codec.
 */
package dev.entente.impl.sync.merkle;
