package dev.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entente replay --schema FILE --read-as VERSION}: the map as one schema version sees it.
 */
class ReplaySchemaCommandTest {
  private static final String SCHEMA =
      "{\"versions\": [\n"
          + "{\"version\": 1, \"fields\": [\"e/{id}/title: string\"]},\n"
          + "{\"version\": 2, \"fields\": [\"e/{id}/name: string\"]}\n"
          + "],\n\"steps\": [{\"from\": 1, \"lenses\": [\n"
          + "{\"rename\": \"e/{id}/title\", \"to\": \"e/{id}/name\"}\n"
          + "]}]}\n";

  private static final String OLD =
      "{\"replica\":\"A\",\"seq\":1,\"time\":{\"wall\":10,\"logical\":0},\"seen\":{},"
          + "\"ops\":[{\"op\":\"put\",\"key\":\"e/1/title\",\"value\":\"old\"}],\"schemaVersion\":1}";
  private static final String NEW =
      "{\"replica\":\"B\",\"seq\":1,\"time\":{\"wall\":20,\"logical\":0},\"seen\":{},"
          + "\"ops\":[{\"op\":\"put\",\"key\":\"e/1/name\",\"value\":\"new\"}],\"schemaVersion\":2}";

  @Test
  void readAs_eachVersion_printsTheMapUnderThatVersionsNames(@TempDir Path dir) throws IOException {
    Path schema = Files.writeString(dir.resolve("s.json"), SCHEMA);
    String in = OLD + "\n" + NEW + "\n";

    Cli v1 =
        Cli.run(in, "replay", "--policy", "lww", "--schema", schema.toString(), "--read-as", "1");
    Cli v2 =
        Cli.run(in, "replay", "--policy", "lww", "--schema", schema.toString(), "--read-as", "2");

    assertThat(v1.status()).as(v1.err()).isZero();
    assertThat(v1.out())
        .endsWith("{\"version\":1,\"known\":{\"e/1/title\":\"new\"},\"opaque\":{}}\n");
    assertThat(v2.out())
        .endsWith("{\"version\":2,\"known\":{\"e/1/name\":\"new\"},\"opaque\":{}}\n");
  }

  @Test
  void lensThatDoesNotTypeCheck_isRefusedWithItsLine(@TempDir Path dir) throws IOException {
    Path schema =
        Files.writeString(
            dir.resolve("s.json"), SCHEMA.replace("e/{id}/title\", \"to", "e/{id}/nope\", \"to"));

    Cli r = Cli.run(OLD + "\n", "replay", "--policy", "lww", "--schema", schema.toString());

    assertThat(r.status()).isEqualTo(EntenteCommand.EXIT_USAGE);
    assertThat(r.err()).contains("s.json:6: rename e/{id}/nope: version 1 has no such field");
  }
}
