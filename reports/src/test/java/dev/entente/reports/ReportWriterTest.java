package dev.entente.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The producer's half of the schema: what {@link ReportWriter} writes the reader reads back. */
class ReportWriterTest {
  @Test
  void write_sampleDocument_readsBackEqual() throws IOException {
    ReportDocument sample = SampleDocument.read();

    String json = ReportWriter.write(sample);

    assertThat(new ReportReader().read(json, "written")).isEqualTo(sample);
    assertThat(ReportWriter.write(new ReportReader().read(json, "written"))).isEqualTo(json);
  }

  @Test
  void write_everyFieldItWrites_isDocumentedInSchemaMd() throws IOException {
    TreeSet<String> fields = new TreeSet<>();
    collect(ReportWriter.tree(SampleDocument.read()), fields);
    collect(ReportWriter.tree(BoxChartTest.document(BoxChartTest.BOXES)), fields);
    String schema = Files.readString(Path.of("SCHEMA.md").toAbsolutePath(), StandardCharsets.UTF_8);

    assertThat(fields).isNotEmpty();
    for (String f : fields) {
      assertThat(schema).as("SCHEMA.md documents " + f).containsPattern("`[^`]*\\b" + f + "\\b");
    }
  }

  private static void collect(JsonNode n, TreeSet<String> out) {
    if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        out.add(e.getKey());
        collect(e.getValue(), out);
      }
    } else if (n.isArray()) {
      n.forEach(x -> collect(x, out));
    }
  }
}
