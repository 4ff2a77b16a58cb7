package dev.entente.impl.schema;

import dev.entente.model.schema.SchemaChain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The schema chains shipped with Entente, read from this module's resources: {@link #calendar()} is
 * the four-version calendar that the rollout profile, the lens laws and the campaign use.
 * Stateless.
 */
public final class BuiltInSchemas {
  /** The resource of the calendar chain. */
  public static final String CALENDAR = "/schemas/calendar.json";

  private BuiltInSchemas() {}

  /** The calendar chain: rename, split, convert, add, rename again, remove, over 4 versions. */
  public static SchemaChain calendar() {
    try (InputStream in = BuiltInSchemas.class.getResourceAsStream(CALENDAR)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + CALENDAR);
      }
      return SchemaFile.parse(CALENDAR, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SchemaException e) {
      throw new IllegalStateException(
          "the built-in calendar schema is broken: " + e.getMessage(), e);
    }
  }
}
