------------------------------ MODULE MCKvCrdt ------------------------------
(***************************************************************************)
(* Finite models of KvCrdt for TLC.  The .cfg files choose the sizes.      *)
(*                                                                         *)
(* Bounds: every model cuts exploration with the state constraint          *)
(* StateBound.  That is sound for invariants, and for the liveness models  *)
(* too: only Tick and Write leave the bound, and neither is fair, so no    *)
(* fair action (SyncStep) is ever cut off at the edge of the model.        *)
(* SinglePuts (two group models) only trims the writes explored.           *)
(*                                                                         *)
(* Symmetry: values, and keys of the same group, are only ever compared    *)
(* for equality, so permuting them maps behaviours to behaviours.          *)
(* Replicas are not symmetric (LWW breaks ties by replica rank).           *)
(***************************************************************************)
EXTENDS KvCrdt, TLC

CONSTANTS
    ReplicaCount,  \* how many of MCReplicaNames take part
    MaxTime,       \* the largest physical time explored
    MaxChanges,    \* the most changes made, over all replicas
    kx, ky, kz     \* keys: kx and ky form the group "a/", kz is a group of its own

MCReplicaNames == <<"A", "B", "C">>
MCReplica == {MCReplicaNames[i] : i \in 1..ReplicaCount}
MCReplicaRank == [r \in MCReplica |-> CHOOSE i \in 1..ReplicaCount : MCReplicaNames[i] = r]

\* KeyGroups.byParentPath for keys "a/x", "a/y" and "z".
MCGroupOf == [k \in Key |-> IF k \in {kx, ky} THEN "a/" ELSE "z"]
\* KeyGroups.singletons: every key its own group (causal groups become per-key LWW).
MCSingletons == [k \in Key |-> k]

StateBound ==
    /\ \A r \in Replica : pt[r] <= MaxTime
    /\ Cardinality(history) <= MaxChanges

\* A state constraint that only trims: every change is a single put (no
\* deletes, no two-key changes).  The gap scenario needs no more (A1 and A2
\* put x, B1 puts y); MCKvCrdtGroup covers deletes and two-key changes with
\* two changes, MCKvCrdtGroupLarge with three.  Used by MCKvCrdtGroupGap and
\* its failing twin MCKvCrdtGroupAnyOrder, to fit CI.
SinglePuts == \A c \in history : \E o \in c.ops : c.ops = {o} /\ o.op = "put"

MCSymmetry == Permutations(Value) \cup Permutations(Key \cap {kx, ky})

MCEveryChangeDelivered == EveryChangeDelivered(1..MaxChanges)
=============================================================================
