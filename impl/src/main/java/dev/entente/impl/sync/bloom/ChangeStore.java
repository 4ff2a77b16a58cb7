package dev.entente.impl.sync.bloom;

import dev.entente.impl.sync.rbsr.SyncId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A causally closed set of changes: a change is applied only once every change it depends on is,
 * and waits in a queue until then. Keeps the heads (applied changes no applied change depends on)
 * and the order of application, which is a causal order. Not thread-safe.
 */
public final class ChangeStore {
  private final LinkedHashMap<SyncId, Change> applied = new LinkedHashMap<>();
  private final Map<SyncId, Change> queued = new HashMap<>();
  private final Set<SyncId> heads = new HashSet<>();

  /** A store holding {@code changes}, which must be causally closed once all are added. */
  public static ChangeStore of(Collection<Change> changes) {
    ChangeStore store = new ChangeStore();
    changes.forEach(store::add);
    return store;
  }

  /** Applies {@code c} if its deps are present (and then any queued change it unblocks). */
  public void add(Change c) {
    if (applied.containsKey(c.id())) {
      return;
    }
    if (queued.isEmpty() && applied.keySet().containsAll(c.deps())) {
      apply(c); // the common case, a change in causal order: nothing waits for it
      return;
    }
    queued.put(c.id(), c);
    Deque<Change> ready = new ArrayDeque<>();
    ready.push(c);
    while (!ready.isEmpty()) {
      Change next = ready.pop();
      if (applied.containsKey(next.id()) || !applied.keySet().containsAll(next.deps())) {
        continue;
      }
      queued.remove(next.id());
      apply(next);
      for (Change q : queued.values()) {
        if (q.deps().contains(next.id())) {
          ready.push(q);
        }
      }
    }
  }

  private void apply(Change c) {
    applied.put(c.id(), c);
    c.deps().forEach(heads::remove);
    heads.add(c.id());
  }

  public boolean has(SyncId id) {
    return applied.containsKey(id);
  }

  public @Nullable Change get(SyncId id) {
    return applied.get(id);
  }

  public int size() {
    return applied.size();
  }

  /** The heads, sorted. */
  public TreeSet<SyncId> heads() {
    return new TreeSet<>(heads);
  }

  /** Every applied id, in a causal order. */
  public Set<SyncId> ids() {
    return java.util.Collections.unmodifiableSet(applied.keySet());
  }

  /** Deps of queued changes that are neither applied nor queued: what this store must ask for. */
  public Set<SyncId> missingDeps() {
    Set<SyncId> out = new TreeSet<>();
    for (Change q : queued.values()) {
      for (SyncId d : q.deps()) {
        if (!applied.containsKey(d) && !queued.containsKey(d)) {
          out.add(d);
        }
      }
    }
    return out;
  }

  /** Whether {@code id} waits in the queue. */
  public boolean isQueued(SyncId id) {
    return queued.containsKey(id);
  }

  /** Applied changes that are not {@code lastSync} nor its ancestors, in causal order. */
  public List<Change> since(Collection<SyncId> lastSync) {
    Set<SyncId> known = new HashSet<>();
    Deque<SyncId> stack = new ArrayDeque<>();
    for (SyncId h : lastSync) {
      if (applied.containsKey(h)) {
        stack.push(h);
      }
    }
    while (!stack.isEmpty()) {
      SyncId id = stack.pop();
      if (known.add(id)) {
        Change c = applied.get(id);
        if (c != null) {
          c.deps().forEach(stack::push);
        }
      }
    }
    List<Change> out = new ArrayList<>();
    for (Change c : applied.values()) {
      if (!known.contains(c.id())) {
        out.add(c);
      }
    }
    return out;
  }
}
