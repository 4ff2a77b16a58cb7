/**
 * The byte-level helpers the bloom, merkle and IBLT sync codecs share: a bounds-checked reader
 * whose every read names its field ({@link dev.entente.impl.sync.wire.WireReader}) and a writer of
 * the same shortest-form varints ({@link dev.entente.impl.sync.wire.WireWriter}). The RBSR codec
 * predates them and keeps its own package-private copy.
 */
package dev.entente.impl.sync.wire;
