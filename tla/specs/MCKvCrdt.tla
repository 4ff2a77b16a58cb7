------------------------------ MODULE MCKvCrdt ------------------------------
(***************************************************************************)
(* Finite models of KvCrdt for TLC.  The .cfg files choose the sizes.      *)
(*                                                                         *)
(* Bounds: every model cuts exploration with the state constraint          *)
(* StateBound.  That is sound for invariants, and for the liveness models  *)
(* too: only Tick and Write leave the bound, and neither is fair, so no    *)
(* fair action (SyncStep) is ever cut off at the edge of the model.        *)
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

\* Gap-free delivery: every replica's delivered changes are the contiguous
\* prefix its version vector covers, so what an author was shown is exactly
\* what its change declares as seen (causal delivery gives that; the impl's
\* LWW and group replicas do not, they deliver in any order).  A constraint
\* that restricts the behaviours explored, used by MCKvCrdtGroupLarge.
GapFree == \A r \in Replica : \A c \in delivered[r] : c.seq <= VV(delivered[r])[c.author]

MCSymmetry == Permutations(Value) \cup Permutations(Key \cap {kx, ky})

MCEveryChangeDelivered == EveryChangeDelivered(1..MaxChanges)
=============================================================================
