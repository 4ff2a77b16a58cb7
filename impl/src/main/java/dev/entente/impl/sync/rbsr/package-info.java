/**
 * Range-based set reconciliation (Meyer 2023, as Negentropy ships it) over change ids: a sans-IO
 * {@link dev.entente.impl.sync.rbsr.RbsrSession}, its frames ({@link
 * dev.entente.impl.sync.rbsr.Frame}) and their canonical codec ({@link
 * dev.entente.impl.sync.rbsr.RbsrCodec}). It sees (timestamp, id) pairs only, never a change's
 * content, so a relay can run it over envelopes it cannot decrypt.
 *
 * <p>It lives in {@code impl} beside the other sans-IO components because it needs nothing but the
 * JDK and the codec's {@link dev.entente.impl.codec.DecodeException}; a separate module would add a
 * pom and a dependency edge for four hundred lines.
 */
package dev.entente.impl.sync.rbsr;
