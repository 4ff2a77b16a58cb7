/**
 * Rateless invertible Bloom lookup tables (Yang, Gilad, Alizadeh, SIGCOMM 2024) over change ids:
 * the initiator streams coded symbols, each the XOR of the ids mapped to it with a salted checksum
 * and a count; the responder subtracts its own symbols for the same indices and peels the
 * difference, and about 1.35·D symbols decode D differences whatever the set size, in one round in
 * the common case. Item {@code x} maps to symbol {@code i} with probability {@code 1 / (1 + i/2)},
 * drawn from a stream seeded by its checksum, so every symbol count works and none is fixed in
 * advance. {@link dev.entente.impl.sync.iblt.IbltSession} is the sans-IO state machine, {@link
 * dev.entente.impl.sync.iblt.IbltCodec} its canonical codec.
 */
package dev.entente.impl.sync.iblt;
