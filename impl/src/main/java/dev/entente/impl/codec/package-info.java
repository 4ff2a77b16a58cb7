/**
 * The canonical, versioned binary encodings of a {@link dev.entente.model.Change} ({@link
 * dev.entente.impl.codec.ChangeCodec}, magic {@code ENTC}) and of a {@link
 * dev.entente.impl.ReplicaState} ({@link dev.entente.impl.codec.ReplicaStateCodec}, magic {@code
 * ENTS}), format version 1.
 *
 * <p>Rules shared by both (the byte-by-byte layouts are in the two codecs' Javadoc and in {@code
 * impl/FORMAT.md}):
 *
 * <ul>
 *   <li>4 magic bytes, then a version byte (1); a decoder reads only its own version.
 *   <li>Integers are big-endian and fixed width (u8, u16, u32, u64): no varints, so every value has
 *       exactly one spelling and canonicity needs no extra rules.
 *   <li>Strings are a length (u8 for replica ids, u16 for keys, u32 for values) followed by strict
 *       UTF-8.
 *   <li>Collections are a u32 count followed by entries in their one canonical order (seen entries
 *       strictly increasing by replica id, changes strictly increasing by dot).
 *   <li>The last 4 bytes are a CRC-32C of every byte before them. Decoders check the length, then
 *       the checksum, then parse; CRC-32C detects every single-bit error.
 * </ul>
 *
 * <p>Canonical means {@code decode(encode(x)).equals(x)} and {@code encode(decode(b))} equals
 * {@code b} for every {@code b} that decodes, so equal values have equal bytes and a hash of the
 * bytes is a content address. Decoders throw only {@link dev.entente.impl.codec.DecodeException}
 * for bad input, naming the byte offset and the field. Changing either layout requires a version
 * bump and new golden files ({@code impl/src/test/resources/golden/}).
 */
package dev.entente.impl.codec;
