package dev.entente.tla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the directory holding the TLA+ specs, their configs and {@code manifest.json}.
 *
 * <p>In order: the system property {@value #PROPERTY}; {@code tla/specs} or {@code specs} under the
 * working directory or one of its parents (a checkout); otherwise the copy packaged in this
 * module's jar under {@value #RESOURCE_ROOT}, extracted to a fresh temporary directory.
 */
public final class SpecFiles {
  /** System property naming the specs directory explicitly. */
  public static final String PROPERTY = "entente.tla.specs";

  /** Where the specs are packaged as class-path resources. */
  public static final String RESOURCE_ROOT = "tla-specs/";

  private SpecFiles() {}

  /** The specs directory, extracting the packaged copy if no checkout is found. */
  public static Path locate() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    return inCheckout(Path.of("").toAbsolutePath())
        .orElseGet(() -> extract(TlcRunner.createTempDirectory("entente-tla-specs")));
  }

  /** The specs directory of the checkout containing {@code start}, if any. */
  static Optional<Path> inCheckout(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      for (Path candidate :
          new Path[] {dir.resolve("tla").resolve("specs"), dir.resolve("specs")}) {
        if (Files.isRegularFile(candidate.resolve(Manifest.FILE))
            && Files.isRegularFile(candidate.resolve("KvCrdt.tla"))) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Copies the packaged specs (the manifest, its modules and every model's config) into {@code
   * target} and returns it.
   */
  public static Path extract(Path target) {
    Manifest manifest;
    try (InputStream in = resource(Manifest.FILE)) {
      manifest = Manifest.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged TLA+ manifest", e);
    }
    Set<String> files = new LinkedHashSet<>();
    files.add(Manifest.FILE);
    files.addAll(manifest.modules());
    for (Manifest.Model m : manifest.models()) {
      files.add(m.spec());
      files.add(m.config());
    }
    for (String file : files) {
      try (InputStream in = resource(file)) {
        Files.copy(in, target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot extract the packaged TLA+ file " + file, e);
      }
    }
    return target;
  }

  private static InputStream resource(String file) throws IOException {
    InputStream in = SpecFiles.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + file);
    if (in == null) {
      throw new IOException("no class-path resource " + RESOURCE_ROOT + file);
    }
    return in;
  }
}
