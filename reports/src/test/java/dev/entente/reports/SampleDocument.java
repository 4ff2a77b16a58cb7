package dev.entente.reports;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The sample result document in {@code src/test/resources}, shared by the tests. */
final class SampleDocument {
  static final String RESOURCE = "/sample-results.json";

  private SampleDocument() {}

  static Path path() {
    try {
      return Path.of(SampleDocument.class.getResource(RESOURCE).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static ReportDocument read() throws java.io.IOException {
    return new ReportReader().read(path());
  }
}
