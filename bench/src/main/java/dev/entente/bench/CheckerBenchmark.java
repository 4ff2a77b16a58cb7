package dev.entente.bench;

import dev.entente.histories.HistoryFiles;
import dev.entente.histories.HistoryParseException;
import dev.entente.histories.linearizability.ParallelLinearizabilityChecker;
import dev.entente.model.check.LinearizabilityChecker;
import dev.entente.model.check.Models;
import dev.entente.model.check.SearchBudget;
import dev.entente.model.check.SequentialModel;
import dev.entente.model.check.Verdict;
import dev.entente.model.history.History;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The linearizability checker {@code entente check} runs beside the model's oracle ({@code oracle})
 * on the shared histories issue 13 measured Porcupine on, warm, in one JVM; the history is parsed
 * once in the set-up, so only the check is timed. The checker is timed twice: {@code
 * parallelChecker} is the full analysis {@code entente check} prints (the verdict, then for INVALID
 * the oracle's key and explanation), {@code verdictOnly} the verdict alone, which stops at the
 * first refuted key, as Porcupine's {@code CheckOperations} (verdict only) does. Porcupine's
 * figures (Go, best of 3, warm, measured by the author; Go is not installed here): kv
 * c50-ok 135 ms, c50-bad 4.3 ms, etcd 002 176 ms, 007 118 ms, 099 52 ms ({@code etcd_007.log} is
 * not in {@code shared/testdata}).
 *
 * <p>The histories are read from the directory the system property {@code entente.testdata} names
 * (default {@code ../shared/testdata}, beside the repository clone); without it the set-up fails
 * and JMH reports this benchmark as failed, the others run on.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CheckerBenchmark {
  @Param({"kv/c50-ok.txt", "kv/c50-bad.txt", "jepsen/etcd_002.log", "jepsen/etcd_099.log"})
  public String history;

  private History parsed;
  private SequentialModel<?> model;

  @Setup
  public void setUp() throws HistoryParseException {
    Path dir = Path.of(System.getProperty("entente.testdata", "../shared/testdata"));
    parsed = HistoryFiles.read(dir.resolve("porcupine/test_data").resolve(history));
    model = history.startsWith("kv/") ? Models.kv() : Models.etcd();
  }

  @Benchmark
  public Verdict parallelChecker() {
    return new ParallelLinearizabilityChecker(model, SearchBudget.defaults())
        .analyse(parsed)
        .verdict();
  }

  @Benchmark
  public Verdict verdictOnly() {
    return new ParallelLinearizabilityChecker(model, SearchBudget.defaults()).verdict(parsed);
  }

  @Benchmark
  public Verdict oracle() {
    return new LinearizabilityChecker(model, SearchBudget.defaults()).analyse(parsed).verdict();
  }
}
