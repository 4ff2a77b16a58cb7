package dev.entente.node.jepsen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.node.RealTime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing the driver leaves no process behind: the driver runs as its own JVM, the test waits for
 * the relay and both nodes to appear among its descendants, then ends the driver and requires every
 * one of them to be gone within 15 s. SIGKILL runs no shutdown hook, so this is the children's
 * watch on the driver's pid at work; SIGTERM is the hook's.
 */
class OrphanTest {
  @TempDir Path dir;

  @Test
  void driverKilledWithSigkill_leavesNoOrphan() throws Exception {
    assertNoOrphans(true);
  }

  @Test
  void driverStoppedWithSigterm_leavesNoOrphan() throws Exception {
    assertNoOrphans(false);
  }

  private void assertNoOrphans(boolean sigkill) throws Exception {
    List<String> cmd = new ArrayList<>(JepsenRun.java(JepsenOptions.parse(java.util.Map.of())));
    cmd.addAll(
        List.of(
            "jepsen",
            "--nodes",
            "2",
            "--time",
            "60",
            "--faults",
            "partition",
            "--out",
            dir.toString()));
    Process driver =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("driver.log").toFile())
            .start();
    List<ProcessHandle> children = List.of();
    try {
      for (int i = 0; i < 300 && children.size() < 3; i++) {
        RealTime.sleep(100);
        children = driver.descendants().toList();
      }
      assertThat(children).as("the relay and 2 nodes started").hasSizeGreaterThanOrEqualTo(3);
      if (sigkill) {
        driver.destroyForcibly();
      } else {
        driver.destroy();
      }
      assertThat(driver.waitFor(15, TimeUnit.SECONDS)).isTrue();
      for (ProcessHandle c : children) {
        c.onExit().get(15, TimeUnit.SECONDS);
        assertThat(c.isAlive()).as("child " + c.pid()).isFalse();
      }
    } finally {
      driver.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
    }
  }
}
