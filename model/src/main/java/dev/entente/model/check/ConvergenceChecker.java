package dev.entente.model.check;

import dev.entente.model.Dot;
import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Strong convergence: replicas that have delivered the same set of changes show the same map.
 * Replicas with different sets are not compared (that is eventual convergence's job, judged after
 * the simulator's convergence phase by requiring equal sets).
 */
public final class ConvergenceChecker implements Checker<List<ReplicaObservation>> {
  /** This checker's name in results. */
  public static final String NAME = "strong-convergence";

  @Override
  public CheckResult check(List<ReplicaObservation> observations) {
    Map<TreeSet<Dot>, ReplicaObservation> firstWithSet = new TreeMap<>(ConvergenceChecker::compare);
    for (ReplicaObservation o : observations) {
      TreeSet<Dot> dots = dots(o);
      ReplicaObservation first = firstWithSet.putIfAbsent(dots, o);
      if (first != null && !first.view().equals(o.view())) {
        return CheckResult.invalid(
            NAME,
            String.format(
                Locale.ROOT,
                "%s and %s delivered the same %d changes but show different maps: %s",
                first.replica(),
                o.replica(),
                dots.size(),
                firstDifference(first.view(), o.view())));
      }
    }
    return CheckResult.valid(
        NAME,
        observations.size()
            + " replicas in "
            + firstWithSet.size()
            + " groups of equal delivered sets agree");
  }

  /** Requires all replicas to have delivered the same changes (after healing and quiescence). */
  public static CheckResult allDeliveredTheSame(List<ReplicaObservation> observations) {
    String name = "eventual-convergence";
    if (observations.isEmpty()) {
      return CheckResult.valid(name, "no replicas");
    }
    TreeSet<Dot> reference = dots(observations.get(0));
    for (ReplicaObservation o : observations) {
      TreeSet<Dot> mine = dots(o);
      if (!mine.equals(reference)) {
        TreeSet<Dot> missing = new TreeSet<>(reference);
        missing.removeAll(mine);
        TreeSet<Dot> extra = new TreeSet<>(mine);
        extra.removeAll(reference);
        return CheckResult.invalid(
            name,
            o.replica()
                + " differs from "
                + observations.get(0).replica()
                + ": lacks "
                + abbreviate(missing)
                + ", has extra "
                + abbreviate(extra));
      }
    }
    CheckResult strong = new ConvergenceChecker().check(observations);
    return strong.isValid()
        ? CheckResult.valid(name, observations.size() + " replicas hold the same changes")
        : strong;
  }

  private static TreeSet<Dot> dots(ReplicaObservation o) {
    TreeSet<Dot> dots = new TreeSet<>();
    o.delivered().forEach(c -> dots.add(c.dot()));
    return dots;
  }

  private static int compare(TreeSet<Dot> a, TreeSet<Dot> b) {
    if (a.size() != b.size()) {
      return Integer.compare(a.size(), b.size());
    }
    Iterator<Dot> ia = a.iterator();
    Iterator<Dot> ib = b.iterator();
    while (ia.hasNext()) {
      int c = ia.next().compareTo(ib.next());
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  static String firstDifference(MaterialisedMap a, MaterialisedMap b) {
    TreeSet<Key> keys = new TreeSet<>(a.entries().keySet());
    keys.addAll(b.entries().keySet());
    for (Key k : keys) {
      if (!a.get(k).equals(b.get(k))) {
        return "key " + k + ": " + a.get(k) + " vs " + b.get(k);
      }
    }
    return "no key differs";
  }

  private static String abbreviate(TreeSet<Dot> dots) {
    List<Dot> list = List.copyOf(dots);
    return list.size() <= 8
        ? list.toString()
        : list.subList(0, 8) + " and " + (list.size() - 8) + " more";
  }
}
