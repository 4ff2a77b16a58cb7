package dev.entente.histories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import dev.entente.histories.linearizability.ParallelLinearizabilityChecker;
import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Checker;
import dev.entente.model.check.CounterChecker;
import dev.entente.model.check.LinearizabilityAnalysis;
import dev.entente.model.check.LinearizabilityChecker;
import dev.entente.model.check.Models;
import dev.entente.model.check.SearchBudget;
import dev.entente.model.check.SetChecker;
import dev.entente.model.check.Verdict;
import dev.entente.model.history.History;
import dev.entente.model.history.Keyword;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs our checkers on the third-party histories in {@code shared/testdata} and asserts the
 * verdicts their {@code VERDICTS.md} files state, one dynamic test per file. The data sits beside
 * the repository clone ({@code ../../shared/testdata} from this module); a missing directory fails
 * the test, it is never skipped.
 */
class SharedHistoriesTest {
  /**
   * {@code ../../shared/testdata} from this module, or the directory the system property {@code
   * entente.testdata} names (a clone elsewhere, such as a git worktree, points it at the data).
   */
  private static final Path TESTDATA =
      Path.of(System.getProperty("entente.testdata", "../../shared/testdata"));

  /** Per-file wall-clock limit: far above what any file needs, far below the CI timeout. */
  private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

  private static final Pattern ENTRY =
      Pattern.compile("^- `([^`]+)` — \\*\\*([^*]+)\\*\\*", Pattern.MULTILINE);

  /** Files whose time is printed: the large ones, and the etcd logs knossos cannot finish. */
  private static final Pattern LARGE =
      Pattern.compile(
          "c50-|mongodb-v0-ack-rollback-\\d|memstress3-\\d+\\.edn|multi-register"
              + "|etcd_0(07|40|57|85|97|99)|etcd\\.json|counter\\.");

  record Expectation(String folder, String path, Verdict verdict, String stated) {
    Path file() {
      return TESTDATA.resolve(folder).resolve(path);
    }
  }

  @TestFactory
  Stream<DynamicTest> knossos() throws IOException {
    return tests("knossos");
  }

  @TestFactory
  Stream<DynamicTest> porcupine() throws IOException {
    return tests("porcupine");
  }

  @TestFactory
  Stream<DynamicTest> elleCli() throws IOException {
    return tests("elle-cli");
  }

  /**
   * VERDICTS.md describes {@code knossos/data/mutex/bad/etcd.edn} as truncated mid-op near index
   * 1040 with no closing bracket. The copy in shared/testdata is in fact complete (1135 ops,
   * closed), so this test checks both: that exactly the documented truncation is rejected with a
   * located parse error, and that the file as shipped is either rejected the same way or, when
   * complete, judged not linearizable like its complete JSON twin in elle-cli.
   */
  @Test
  void truncatedKnossosMutex_isRejectedWithAParseError() throws IOException {
    Path file = testdata().resolve("knossos/data/mutex/bad/etcd.edn");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int cut = text.indexOf(":index 1040}");
    assertThat(cut).as("op 1040 in %s", file).isPositive();
    String truncated = text.substring(0, cut + ":index 1040}".length()) + "\n{:type :fai";
    assertThatThrownBy(() -> HistoryFiles.read(truncated, "etcd.edn", HistoryFiles.Format.EDN))
        .isInstanceOf(HistoryParseException.class)
        .hasMessageStartingWith("etcd.edn:")
        .hasMessageContaining("truncated")
        .hasMessageContaining("EOF")
        .satisfies(e -> assertThat(((HistoryParseException) e).line()).isGreaterThan(1000));
    History shipped;
    try {
      shipped = HistoryFiles.read(file);
    } catch (HistoryParseException e) {
      assertThat(e).hasMessageContaining("EOF");
      return;
    }
    assertThat(linearizable(Models.mutex()).check(shipped).verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void ednAndJsonTwins_readToTheSameHistory() throws Exception {
    String[][] twins = {
      {"elle-cli/histories/jepsen/counter.edn", "elle-cli/histories/jepsen/counter.json"},
      {"elle-cli/histories/jepsen/set_full.edn", "elle-cli/histories/jepsen/set_full.json"},
      {"elle-cli/histories/jepsen/bank.edn", "elle-cli/histories/jepsen/bank.json"},
      {"elle-cli/histories/elle/rw-register.edn", "elle-cli/histories/elle/rw-register.json"},
      {"elle-cli/histories/elle/paper-example.edn", "elle-cli/histories/elle/paper-example.json"},
      {
        "knossos/data/cas-register/good/memstress3-9.edn",
        "elle-cli/histories/knossos/cas-register/good/memstress3-9.json"
      },
      {"knossos/data/mutex/bad/etcd.edn", "elle-cli/histories/knossos/mutex/bad/etcd.json"},
    };
    for (String[] twin : twins) {
      History edn = HistoryFiles.read(testdata().resolve(twin[0]));
      History json = HistoryFiles.read(testdata().resolve(twin[1]));
      assertThat(Canonical.of(json)).as("%s vs %s", twin[0], twin[1]).isEqualTo(Canonical.of(edn));
    }
  }

  @Test
  void verdictFiles_stateTheCountsTheReadmeClaims() throws IOException {
    assertThat(expectations("knossos")).hasSize(97);
    assertThat(expectations("porcupine")).hasSize(85);
  }

  private Stream<DynamicTest> tests(String folder) throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Expectation e : expectations(folder)) {
      Checker<History> checker = checkerFor(e);
      if (checker != null) {
        tests.add(DynamicTest.dynamicTest(e.path(), e.file().toUri(), () -> check(e, checker)));
      }
    }
    assertThat(tests).as("tests for %s", folder).isNotEmpty();
    return tests.stream();
  }

  private static void check(Expectation e, Checker<History> checker) throws Exception {
    long start = System.nanoTime();
    History history = HistoryFiles.read(e.file());
    long parsed = System.nanoTime();
    CheckResult result = checker.check(history);
    long done = System.nanoTime();
    if (LARGE.matcher(e.path()).find() || System.getProperty("entente.times") != null) {
      System.out.printf(
          Locale.ROOT,
          "[time] %-60s %6d ops  parse %5d ms  check %6d ms  %s%n",
          e.folder() + "/" + e.path(),
          history.size(),
          TimeUnit.NANOSECONDS.toMillis(parsed - start),
          TimeUnit.NANOSECONDS.toMillis(done - parsed),
          result.verdict());
    }
    assertThat(result.verdict())
        .as("%s (expected: %s); explanation: %s", e.path(), e.stated(), result.explanation())
        .isEqualTo(e.verdict());
  }

  /**
   * The checker for a file, chosen by folder as its VERDICTS.md describes; null for elle-cli models
   * that are not ours (Elle's rw-register and list-append, bank, long-fork, set-full).
   */
  private static Checker<History> checkerFor(Expectation e) {
    String p = e.folder() + "/" + e.path();
    if (p.startsWith("knossos/data/cas-register/")
        || p.contains("elle-cli/histories/knossos/cas")) {
      return linearizable(Models.casRegister(0L));
    }
    if (p.startsWith("knossos/data/multi-register/")) {
      return linearizable(Models.multiRegister(Map.of(Keyword.of("x"), 0L, Keyword.of("y"), 0L)));
    }
    if (p.startsWith("knossos/data/mutex/") || p.contains("elle-cli/histories/knossos/mutex")) {
      return linearizable(Models.mutex());
    }
    if (p.startsWith("porcupine/test_data/jepsen/")) {
      return linearizable(Models.etcd());
    }
    if (p.startsWith("porcupine/test_data/kv/")) {
      return linearizable(Models.kv());
    }
    if (p.matches("elle-cli/histories/jepsen/counter\\.(edn|json)")) {
      return new CounterChecker();
    }
    if (p.matches("elle-cli/histories/jepsen/set\\.(edn|json)")) {
      return new SetChecker();
    }
    if (p.startsWith("elle-cli/")) {
      return null;
    }
    throw new AssertionError("no checker for " + p);
  }

  /**
   * The oracle and the parallel checker {@code entente check} runs, which must agree on the verdict
   * and on the whole explanation (the same key, failing op, path and states, the same count of
   * states explored when valid), and the parallel checker's verdict-only path on the verdict.
   */
  private static Checker<History> linearizable(dev.entente.model.check.SequentialModel<?> model) {
    return h -> {
      LinearizabilityAnalysis oracle =
          new LinearizabilityChecker(
                  model, SearchBudget.defaults().withTimeout(System::nanoTime, DEADLINE_NANOS))
              .analyse(h);
      LinearizabilityAnalysis fast =
          new ParallelLinearizabilityChecker(
                  model, SearchBudget.defaults().withTimeout(System::nanoTime, DEADLINE_NANOS))
              .analyse(h);
      assertThat(fast.verdict()).as("parallel checker vs oracle").isEqualTo(oracle.verdict());
      assertThat(fast.explanation())
          .as("parallel checker vs oracle")
          .isEqualTo(oracle.explanation());
      assertThat(
              new ParallelLinearizabilityChecker(
                      model, SearchBudget.defaults().withTimeout(System::nanoTime, DEADLINE_NANOS))
                  .verdict(h))
          .as("parallel checker's verdict only vs oracle")
          .isEqualTo(oracle.verdict());
      return fast.toResult();
    };
  }

  private static List<Expectation> expectations(String folder) throws IOException {
    Path verdicts = testdata().resolve(folder).resolve("VERDICTS.md");
    String text = Files.readString(verdicts, StandardCharsets.UTF_8);
    List<Expectation> out = new ArrayList<>();
    Matcher m = ENTRY.matcher(text);
    while (m.find()) {
      String stated = m.group(2).strip();
      Verdict v = verdict(stated);
      if (v != null) {
        out.add(new Expectation(folder, m.group(1), v, stated));
      }
    }
    return out;
  }

  /** VALID, INVALID, or null for entries that are not verdicts (unusable files, results). */
  private static Verdict verdict(String stated) {
    String s = stated.toLowerCase(Locale.ROOT);
    if (s.startsWith("not ")) {
      return Verdict.INVALID;
    }
    if (s.equals("linearizable") || s.equals("valid")) {
      return Verdict.VALID;
    }
    if (s.startsWith("unusable")) {
      return null;
    }
    throw new AssertionError("unrecognised verdict in VERDICTS.md: " + stated);
  }

  private static Path testdata() {
    if (!Files.isDirectory(TESTDATA)) {
      fail(
          "shared test data not found at "
              + TESTDATA.toAbsolutePath().normalize()
              + ": the shared/ directory must sit beside the repository clone (../../shared from"
              + " the histories module), or -Dentente.testdata must name it");
    }
    return TESTDATA;
  }
}
