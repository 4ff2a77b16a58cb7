package dev.entente.simulations.net;

/** A directed link between two endpoints, named by their slots. Ordered by (from, to). */
public record Link(int from, int to) implements Comparable<Link> {
  @Override
  public int compareTo(Link o) {
    return from != o.from ? Integer.compare(from, o.from) : Integer.compare(to, o.to);
  }

  @Override
  public String toString() {
    return from + "->" + to;
  }
}
