package dev.entente.bench;

import dev.entente.impl.Replica;
import dev.entente.model.RegisterPolicy;
import org.automerge.Document;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The receiving side of work (b): before every shot, untimed, a fresh replica that already holds
 * side A's state, so that a shot times only the join of B's state into it.
 */
public final class PeerTargets {
  private PeerTargets() {}

  /** A copy of the floor's side A. */
  @State(Scope.Thread)
  public static class Floor {
    PlainFloor floor;

    /** Copies A (untimed). */
    @Setup(Level.Invocation)
    public void build(PeerMergeInputs.Floor in) {
      floor = in.a.copy();
    }
  }

  /** A fork of Automerge's side A. */
  @State(Scope.Thread)
  public static class Automerge {
    Document fork;

    /** Forks A (untimed). */
    @Setup(Level.Invocation)
    public void build(PeerMergeInputs.Automerge in) {
      fork = in.a.fork();
    }

    /** Frees the fork (untimed). */
    @TearDown(Level.Invocation)
    public void free() {
      fork.free();
    }
  }

  /** A fresh Entente replica on the real clock that merged side A's state. */
  abstract static class EntenteTarget {
    Replica replica;

    abstract RegisterPolicy policy();

    /** Builds the replica (untimed). */
    @Setup(Level.Invocation)
    public void fill(PeerMergeInputs.Entente in) {
      replica = PeersWorkload.device(PeersWorkload.RECEIVER, policy());
      replica.merge(in.stateA(policy()));
      // B's state is built on first use: here, untimed, not in the first shot.
      in.stateB(policy());
    }
  }

  /** LWW. */
  @State(Scope.Thread)
  public static class Lww extends EntenteTarget {
    @Override
    RegisterPolicy policy() {
      return RegisterPolicy.LWW;
    }
  }

  /** Multi-value. */
  @State(Scope.Thread)
  public static class Mv extends EntenteTarget {
    @Override
    RegisterPolicy policy() {
      return RegisterPolicy.MV;
    }
  }

  /** Causal groups. */
  @State(Scope.Thread)
  public static class Causal extends EntenteTarget {
    @Override
    RegisterPolicy policy() {
      return RegisterPolicy.CAUSAL_GROUP;
    }
  }
}
