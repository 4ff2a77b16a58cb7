---------------------------- MODULE AntiEntropy ----------------------------
(***************************************************************************)
(* Version-vector delta sync, message by message (Replica.versionVector,   *)
(* Replica.changesSince).  Changes are abstracted to their dots.           *)
(*                                                                         *)
(* Replicas make changes and gossip single changes in any order, so a     *)
(* replica's delivered dots may have gaps.  A sync round: r sends its      *)
(* version vector to s; s answers with every delivered change the vector   *)
(* does not cover; r delivers the answer.  Requests and answers travel an  *)
(* unreliable network: lost, duplicated (they stay in `net`), reordered.   *)
(*                                                                         *)
(* SyncComplete: a replica that finishes a round has every change its peer *)
(* had when it answered.  It holds because the version vector covers only *)
(* the contiguous prefix of delivered dots; with ContiguousVv = FALSE the  *)
(* vector claims the highest dot seen instead, and the gaps are lost.      *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
    Replica,       \* the ReplicaIds
    MaxSeq,        \* the most changes each replica makes
    ContiguousVv   \* TRUE: VersionVector is the contiguous prefix (the design)

ASSUME MaxSeq \in Nat /\ ContiguousVv \in BOOLEAN

VARIABLES
    delivered,  \* [Replica -> set of dots <<author, seq>>]
    net,        \* the network: a set of request and answer messages
    finished    \* ghost: [Replica -> set of dots]: what the peers of r's finished rounds had

vars == <<delivered, net, finished>>

Dot == Replica \X (1..MaxSeq)

VV(ds) == [q \in Replica |->
             LET seqs == {d[2] : d \in {e \in ds : e[1] = q}}
             IN IF ContiguousVv
                THEN CHOOSE n \in 0..MaxSeq : (\A i \in 1..n : i \in seqs) /\ (n + 1) \notin seqs
                ELSE IF seqs = {} THEN 0 ELSE CHOOSE n \in seqs : \A i \in seqs : i <= n]

Covers(vv, d) == vv[d[1]] >= d[2]
ChangesSince(ds, vv) == {d \in ds : ~Covers(vv, d)}

Init ==
    /\ delivered = [r \in Replica |-> {}]
    /\ net = {}
    /\ finished = [r \in Replica |-> {}]

\* Replica.transact: r makes its next change.
Make(r) ==
    LET n == Cardinality({d \in delivered[r] : d[1] = r}) + 1
    IN /\ n <= MaxSeq
       /\ delivered' = [delivered EXCEPT ![r] = @ \cup {<<r, n>>}]
       /\ UNCHANGED <<net, finished>>

\* Broadcast: one change reaches r from s, in any order.
Gossip(r, s) ==
    \E d \in delivered[s] \ delivered[r] :
        /\ r # s
        /\ delivered' = [delivered EXCEPT ![r] = @ \cup {d}]
        /\ UNCHANGED <<net, finished>>

\* r starts a round with s by sending its version vector.
Request(r, s) ==
    /\ r # s
    /\ net' = net \cup {[type |-> "request", from |-> r, to |-> s, vv |-> VV(delivered[r])]}
    /\ UNCHANGED <<delivered, finished>>

\* s answers a request with the changes the vector does not cover; `had`
\* is a ghost copy of what s had delivered.
Answer ==
    \E m \in net :
        /\ m.type = "request"
        /\ net' = net \cup {[type |-> "answer", from |-> m.to, to |-> m.from,
                             changes |-> ChangesSince(delivered[m.to], m.vv),
                             had |-> delivered[m.to]]}
        /\ UNCHANGED <<delivered, finished>>

\* r delivers an answer: the round is finished.
Finish ==
    \E m \in net :
        /\ m.type = "answer"
        /\ delivered' = [delivered EXCEPT ![m.to] = @ \cup m.changes]
        /\ finished' = [finished EXCEPT ![m.to] = @ \cup m.had]
        /\ UNCHANGED net

Lose ==
    \E m \in net :
        /\ net' = net \ {m}
        /\ UNCHANGED <<delivered, finished>>

Next ==
    \/ \E r \in Replica : Make(r)
    \/ \E r, s \in Replica : Gossip(r, s)
    \/ \E r, s \in Replica : Request(r, s)
    \/ Answer
    \/ Finish
    \/ Lose

Spec == Init /\ [][Next]_vars

TypeOK ==
    /\ delivered \in [Replica -> SUBSET Dot]
    /\ finished \in [Replica -> SUBSET Dot]
    /\ \A m \in net : m.type \in {"request", "answer"} /\ m.from \in Replica /\ m.to \in Replica

\* A replica that finished a round has every change its peer had.
SyncComplete == \A r \in Replica : finished[r] \subseteq delivered[r]

\* Every change a replica holds was made by its author.
NoPhantomChange == \A r \in Replica : \A d \in delivered[r] : d \in delivered[d[1]]
=============================================================================
