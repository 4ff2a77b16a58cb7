package dev.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entente replay --db}: each good line acknowledged once durable, the stored map on reopen.
 */
class ReplayDbCommandTest {
  private static final String A1 =
      "{\"replica\":\"A\",\"seq\":1,\"time\":{\"wall\":10,\"logical\":0},\"seen\":{},"
          + "\"ops\":[{\"op\":\"put\",\"key\":\"k\",\"value\":\"a1\"}]}";
  private static final String B1 =
      "{\"replica\":\"B\",\"seq\":1,\"time\":{\"wall\":20,\"logical\":0},\"seen\":{},"
          + "\"ops\":[{\"op\":\"put\",\"key\":\"k\",\"value\":\"b1\"}]}";
  private static final String A2 =
      "{\"replica\":\"A\",\"seq\":2,\"time\":{\"wall\":30,\"logical\":0},\"seen\":{\"B\":1},"
          + "\"ops\":[{\"op\":\"delete\",\"key\":\"k\"},"
          + "{\"op\":\"put\",\"key\":\"x\",\"value\":\"1\"}]}";

  @TempDir Path dir;

  @Test
  void replayDb_goodLines_areAcknowledgedInOrderThenTheMapIsPrinted() {
    String db = dir.resolve("r.db").toString();

    Cli r = Cli.run(A1 + "\n" + B1 + "\n", "replay", "--policy", "mv", "--db", db);

    assertThat(r.out()).isEqualTo("ack 1\nack 2\n{\"k\":[\"a1\",\"b1\"]}\n");
    assertThat(r.err()).isEmpty();
    assertThat(r.status()).isZero();
  }

  @Test
  void replayDb_emptyInputLater_printsTheStoredMap() {
    String db = dir.resolve("r.db").toString();
    Cli.run(A1 + "\n" + B1 + "\n", "replay", "--policy", "mv", "--db", db);
    Cli.run(A2 + "\n", "replay", "--policy", "mv", "--db", db);

    Cli r = Cli.run("", "replay", "--policy", "mv", "--db", db);

    // A2 saw A1 (its own predecessor) and B1, so its delete of k removes both siblings.
    assertThat(r.out()).isEqualTo("{\"x\":[\"1\"]}\n");
    assertThat(r.status()).isZero();
  }

  @Test
  void replayDb_badLine_isReportedAndNotAcknowledged() {
    String db = dir.resolve("r.db").toString();

    Cli r = Cli.run(A1 + "\nnot json\n" + B1 + "\n", "replay", "--policy", "lww", "--db", db);

    assertThat(r.out()).startsWith("ack 1\nack 3\n").endsWith("{\"k\":\"b1\"}\n");
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines()[0]).startsWith("line 2: ");
    assertThat(r.status()).isEqualTo(EntenteCommand.EXIT_FAILED);
  }

  @Test
  void replayDb_databaseOfAnotherPolicy_isRefusedAsUsageError() {
    String db = dir.resolve("r.db").toString();
    Cli.run(A1 + "\n", "replay", "--policy", "mv", "--db", db);

    Cli r = Cli.run("", "replay", "--policy", "lww", "--db", db);

    assertThat(r.err()).contains("cannot open database").contains("policy is MV, expected LWW");
    assertThat(r.status()).isEqualTo(EntenteCommand.EXIT_USAGE);
  }

  @Test
  void replayDb_notADatabase_isRefusedAsUsageError() throws Exception {
    Path notDb = dir.resolve("text.db");
    Files.writeString(notDb, "this is not a database, just some text that is long enough\n");

    Cli r = Cli.run("", "replay", "--policy", "lww", "--db", notDb.toString());

    assertThat(r.err()).contains("cannot open database " + notDb);
    assertThat(r.status()).isEqualTo(EntenteCommand.EXIT_USAGE);
  }
}
