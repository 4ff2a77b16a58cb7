package dev.entente.histories.interchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads a byte stream as numbered lines of strict UTF-8. Lines end at {@code '\n'}; a {@code '\r'}
 * before it is dropped; a last line without a newline still counts. Mutable, not thread-safe.
 *
 * <p>Each line is decoded on its own so that one badly encoded line is reported with its number and
 * the rest of the input is still read, instead of the whole stream failing (or, with the JDK's
 * default replacement, invalid bytes silently becoming U+FFFD).
 */
public final class JsonLines {
  /**
   * One line: its 1-based number and either its text or, when it is not valid UTF-8, the reason
   * (then {@code text} is null).
   */
  public record Line(long number, @Nullable String text, @Nullable String encodingError) {
    /** True if the line holds nothing but JSON whitespace (space, tab, carriage return). */
    public boolean isBlank() {
      if (text == null) {
        return false;
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c != ' ' && c != '\t' && c != '\r') {
          return false;
        }
      }
      return true;
    }
  }

  private final InputStream in;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private long lineNumber;
  private boolean ended;

  /** Lines of {@code in}, read lazily; the caller closes {@code in}. */
  public JsonLines(InputStream in) {
    this.in = in;
  }

  /** The next line, or null at the end of the input. */
  public @Nullable Line next() throws IOException {
    if (ended) {
      return null;
    }
    buffer.reset();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      buffer.write(b);
    }
    if (b == -1) {
      ended = true;
      if (buffer.size() == 0) {
        return null;
      }
    }
    lineNumber++;
    return decode(lineNumber, buffer.toByteArray());
  }

  private static Line decode(long number, byte[] bytes) {
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer output = CharBuffer.allocate(length);
    CoderResult result = decoder.decode(input, output, true);
    if (!result.isError()) {
      result = decoder.flush(output);
    }
    if (result.isError()) {
      return new Line(number, null, "not valid UTF-8 at byte " + (input.position() + 1));
    }
    return new Line(number, output.flip().toString(), null);
  }
}
