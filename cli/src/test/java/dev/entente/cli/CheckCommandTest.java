package dev.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  private static final String VALID_EDN =
      "[{:process 0, :type :invoke, :f :write, :value 1}\n"
          + " {:process 0, :type :ok, :f :write, :value 1}\n"
          + " {:process 1, :type :invoke, :f :read, :value nil}\n"
          + " {:process 1, :type :ok, :f :read, :value 1}]\n";

  private static final String INVALID_JSONL =
      "{\"type\":\"invoke\",\"f\":\"write\",\"value\":1,\"process\":0}\n"
          + "{\"type\":\"ok\",\"f\":\"write\",\"value\":1,\"process\":0}\n"
          + "{\"type\":\"invoke\",\"f\":\"read\",\"value\":null,\"process\":1}\n"
          + "{\"type\":\"ok\",\"f\":\"read\",\"value\":2,\"process\":1}\n";

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void check_validFile_printsOneTabSeparatedLineAndExitsZero() throws IOException {
    Path f = file("h.edn", VALID_EDN);
    Cli cli = Cli.run("", "check", "--model", "cas-register", "--initial", "0", f.toString());
    assertThat(cli.status()).isZero();
    String[] fields = cli.out().strip().split("\t");
    assertThat(fields).hasSize(4);
    assertThat(fields[0]).isEqualTo(f.toString());
    assertThat(fields[1]).isEqualTo("VALID");
    assertThat(Long.parseLong(fields[2])).isNotNegative();
    assertThat(fields[3]).startsWith("linearizable: 2 operations");
  }

  @Test
  void check_invalidFile_explainsAndExitsOne() throws IOException {
    Path good = file("good.edn", VALID_EDN);
    Path bad = file("bad.jsonl", INVALID_JSONL);
    Cli cli = Cli.run("", "check", "--model", "register", good.toString(), bad.toString());
    assertThat(cli.status()).isEqualTo(1);
    String[] lines = cli.out().strip().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).contains("\tVALID\t");
    assertThat(lines[1]).contains("\tINVALID\t").contains("cannot linearize process 1 :read 2");
  }

  @Test
  void check_jepsenLog_withEtcdModel() throws IOException {
    Path log =
        file(
            "etcd_001.log",
            "INFO  jepsen.util - 1\t:invoke\t:read\tnil\n"
                + "INFO  jepsen.util - 1\t:ok\t:read\tnil\n");
    Cli cli = Cli.run("", "check", "--model", "etcd", log.toString());
    assertThat(cli.status()).isZero();
  }

  @Test
  void check_unreadableFile_isUnknownAndExitsTwo() throws IOException {
    Path truncated = file("t.edn", "[{:process 0, :type :invoke, :f :read");
    Cli cli =
        Cli.run(
            "",
            "check",
            "--model",
            "cas-register",
            truncated.toString(),
            dir.resolve("missing.edn").toString());
    assertThat(cli.status()).isEqualTo(2);
    String[] lines = cli.out().strip().split("\n");
    assertThat(lines[0]).contains("\tUNKNOWN\t").contains("EOF");
    assertThat(lines[1]).contains("\tUNKNOWN\t").contains("cannot read");
  }

  @Test
  void check_invalidBeatsUnknown() throws IOException {
    Path bad = file("bad.jsonl", INVALID_JSONL);
    Cli cli =
        Cli.run(
            "",
            "check",
            "--model",
            "register",
            bad.toString(),
            dir.resolve("missing.edn").toString());
    assertThat(cli.status()).isEqualTo(1);
  }

  @Test
  void check_setAndCounterModels() throws IOException {
    Path set =
        file(
            "set.edn",
            "{:process 0, :type :invoke, :f :add, :value 1}\n"
                + "{:process 0, :type :ok, :f :add, :value 1}\n"
                + "{:process 0, :type :invoke, :f :read, :value nil}\n"
                + "{:process 0, :type :ok, :f :read, :value #{}}\n");
    assertThat(Cli.run("", "check", "--model", "set", set.toString()).status()).isEqualTo(1);
    Path counter =
        file(
            "counter.edn",
            "{:process 0, :type :invoke, :f :add, :value 1}\n"
                + "{:process 0, :type :ok, :f :add, :value 1}\n"
                + "{:process 0, :type :invoke, :f :read, :value nil}\n"
                + "{:process 0, :type :ok, :f :read, :value 1}\n");
    assertThat(Cli.run("", "check", "--model", "counter", counter.toString()).status()).isZero();
  }

  @Test
  void check_multiRegisterInitialMap() throws IOException {
    Path f =
        file(
            "m.edn",
            "[{:process 0, :type :invoke, :f :txn, :value [[:read :x nil]]}\n"
                + "{:process 0, :type :ok, :f :txn, :value [[:read :x 0]]}]");
    assertThat(
            Cli.run("", "check", "--model", "multi-register", "--initial", "{:x 0}", f.toString())
                .status())
        .isZero();
    assertThat(Cli.run("", "check", "--model", "multi-register", f.toString()).status())
        .isEqualTo(1);
  }

  @Test
  void check_usageErrors_exitTwo() throws IOException {
    Path f = file("h.edn", VALID_EDN);
    Cli unknownModel = Cli.run("", "check", "--model", "queue", f.toString());
    assertThat(unknownModel.status()).isEqualTo(2);
    assertThat(unknownModel.err()).contains("unknown model 'queue'");
    Cli badInitial = Cli.run("", "check", "--model", "register", "--initial", "[1", f.toString());
    assertThat(badInitial.status()).isEqualTo(2);
    assertThat(badInitial.err()).contains("not an EDN value");
    assertThat(Cli.run("", "check", "--model", "register").status()).isEqualTo(2);
  }
}
