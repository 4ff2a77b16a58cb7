package dev.entente.simulations.net;

import dev.entente.model.Check;
import dev.entente.simulations.random.Prng;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A network partition as a set of blocked directed links (Jepsen's "grudge"), with a description
 * for the history. Immutable. The factories follow Jepsen's partition specs ({@code :one}, {@code
 * :majority}, {@code :majorities-ring}, {@code :bridge}) plus a one-way (asymmetric) cut.
 */
public record Partition(String description, SortedSet<Link> blocked) {
  /** Copies the set. */
  public Partition {
    blocked = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(blocked));
  }

  /** True if messages from {@code from} to {@code to} are dropped. */
  public boolean blocks(int from, int to) {
    return blocked.contains(new Link(from, to));
  }

  /** Isolates one random endpoint from all others, both ways. */
  public static Partition isolateOne(List<Integer> slots, Prng prng) {
    int victim = prng.pick(slots);
    List<Integer> rest = without(slots, List.of(victim));
    return new Partition("isolate " + victim + " | " + rest, cut(List.of(victim), rest));
  }

  /** Splits the endpoints at random into a majority and a minority, cut both ways. */
  public static Partition majority(List<Integer> slots, Prng prng) {
    List<Integer> order = shuffled(slots, prng);
    int cut = order.size() / 2 + 1;
    List<Integer> big = sorted(order.subList(0, cut));
    List<Integer> small = sorted(order.subList(cut, order.size()));
    return new Partition("majority " + big + " | " + small, cut(big, small));
  }

  /**
   * Majorities ring: the endpoints are placed on a random ring and each sees only its nearest
   * neighbours, so that every endpoint sees a majority but no two see the same one.
   */
  public static Partition majoritiesRing(List<Integer> slots, Prng prng) {
    List<Integer> ring = shuffled(slots, prng);
    int n = ring.size();
    int others = n / 2;
    int reach = (others + 1) / 2;
    TreeSet<Link> blocked = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int d = Math.abs(i - j);
        if (i != j && Math.min(d, n - d) > reach) {
          blocked.add(new Link(ring.get(i), ring.get(j)));
        }
      }
    }
    return new Partition("majorities-ring " + ring, blocked);
  }

  /**
   * Bridge: two halves that cannot talk to each other, except through one endpoint that talks to
   * both.
   */
  public static Partition bridge(List<Integer> slots, Prng prng) {
    List<Integer> order = shuffled(slots, prng);
    int bridge = order.get(0);
    List<Integer> rest = order.subList(1, order.size());
    List<Integer> left = sorted(rest.subList(0, rest.size() / 2));
    List<Integer> right = sorted(rest.subList(rest.size() / 2, rest.size()));
    return new Partition("bridge " + left + " <" + bridge + "> " + right, cut(left, right));
  }

  /** One endpoint can no longer send to any other, yet still receives from all (asymmetric). */
  public static Partition oneWay(List<Integer> slots, Prng prng) {
    int mute = prng.pick(slots);
    TreeSet<Link> blocked = new TreeSet<>();
    for (int other : without(slots, List.of(mute))) {
      blocked.add(new Link(mute, other));
    }
    return new Partition("one-way " + mute + " -/-> others", blocked);
  }

  private static SortedSet<Link> cut(List<Integer> a, List<Integer> b) {
    TreeSet<Link> blocked = new TreeSet<>();
    for (int x : a) {
      for (int y : b) {
        blocked.add(new Link(x, y));
        blocked.add(new Link(y, x));
      }
    }
    return blocked;
  }

  private static List<Integer> shuffled(List<Integer> slots, Prng prng) {
    Check.argument(!slots.isEmpty(), "cannot partition no endpoints");
    List<Integer> out = new ArrayList<>(sorted(slots));
    for (int i = out.size() - 1; i > 0; i--) {
      int j = prng.nextInt(i + 1);
      Integer t = out.get(i);
      out.set(i, out.get(j));
      out.set(j, t);
    }
    return out;
  }

  private static List<Integer> sorted(List<Integer> xs) {
    return xs.stream().sorted().toList();
  }

  private static List<Integer> without(List<Integer> xs, List<Integer> drop) {
    return xs.stream().filter(x -> !drop.contains(x)).sorted().toList();
  }
}
