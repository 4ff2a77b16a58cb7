/**
 * Bloom-filter sync as Automerge ships it: each message carries the sender's heads, the hashes it
 * needs, a Bloom filter of its changes since the last sync (10 bits per entry, 7 probes) and the
 * changes it sends, which are those the peer's filter does not claim plus all their dependents. A
 * false positive hides a change until the peer finds it missing through a head or a dependency and
 * asks for it by hash, one round trip per level of hidden ancestry. {@link
 * dev.entente.impl.sync.bloom.BloomSession} is the sans-IO state machine, {@link
 * dev.entente.impl.sync.bloom.BloomCodec} the canonical codec, {@link
 * dev.entente.impl.sync.bloom.BloomFilter} the filter in its two variants: unkeyed (probe positions
 * from the change hash itself, so anyone can mine hashes that collide) and keyed (positions from a
 * hash of a per-filter salt and the change hash, so nobody can mine them in advance).
 */
package dev.entente.impl.sync.bloom;
