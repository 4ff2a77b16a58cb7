package dev.entente.model.check;

import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.OpType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Jepsen's set checker ({@code jepsen.checker/set}): clients {@code :add} elements and one final
 * {@code :read} returns the whole set. Every acknowledged add must appear in the final read
 * (otherwise it is <em>lost</em>) and the read may only hold elements somebody tried to add
 * (otherwise they are <em>unexpected</em>); elements whose add was indeterminate or failed but
 * which the read shows are <em>recovered</em> (legal). VALID iff nothing is lost or unexpected;
 * UNKNOWN if the set was never read. Elements compare in canonical form, so EDN and JSON twins of a
 * history agree. Stateless and thread-safe.
 */
public final class SetChecker implements Checker<History> {
  private static final int SHOWN = 10;

  @Override
  public CheckResult check(History history) {
    Set<Object> attempts = new LinkedHashSet<>();
    Set<Object> acknowledged = new LinkedHashSet<>();
    List<?> finalRead = null;
    for (HistoryOp op : history.clientOps()) {
      String f = op.f().name();
      if (f.equals("add") && op.type() == OpType.INVOKE) {
        attempts.add(Values.canonical(op.value()));
      } else if (f.equals("add") && op.type() == OpType.OK) {
        acknowledged.add(Values.canonical(op.value()));
      } else if (f.equals("read") && op.type() == OpType.OK) {
        if (!(op.value() instanceof Collection<?> c)) {
          return CheckResult.unknown(
              "set",
              "read at index " + op.index() + " is not a collection: " + Values.print(op.value()));
        }
        finalRead = new ArrayList<>(c);
      }
    }
    if (finalRead == null) {
      return CheckResult.unknown("set", "the set was never read");
    }
    Set<Object> read = new LinkedHashSet<>();
    finalRead.forEach(x -> read.add(Values.canonical(x)));
    Set<Object> lost = minus(acknowledged, read);
    Set<Object> unexpected = minus(read, attempts);
    Set<Object> recovered = minus(read, acknowledged);
    recovered.retainAll(attempts);
    String counts =
        "attempted "
            + attempts.size()
            + ", acknowledged "
            + acknowledged.size()
            + ", read "
            + read.size()
            + ", lost "
            + lost.size()
            + show(lost)
            + ", unexpected "
            + unexpected.size()
            + show(unexpected)
            + ", recovered "
            + recovered.size();
    return lost.isEmpty() && unexpected.isEmpty()
        ? CheckResult.valid("set", counts)
        : CheckResult.invalid("set", counts);
  }

  private static Set<Object> minus(Set<Object> a, Set<Object> b) {
    Set<Object> out = new LinkedHashSet<>(a);
    out.removeAll(b);
    return out;
  }

  private static String show(Set<Object> s) {
    if (s.isEmpty()) {
      return "";
    }
    List<String> shown = s.stream().limit(SHOWN).map(Values::print).toList();
    return " [" + String.join(" ", shown) + (s.size() > SHOWN ? " ..." : "") + "]";
  }
}
