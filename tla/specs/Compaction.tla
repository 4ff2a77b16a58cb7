----------------------------- MODULE Compaction -----------------------------
(***************************************************************************)
(* Tombstone garbage collection at the causal-stability frontier, for one *)
(* LWW key, with a replica that may lag arbitrarily (it delivers, writes  *)
(* and reports whenever the interleaving lets it: the late device).        *)
(*                                                                         *)
(* Names follow dev.entente.impl: a replica reports what it delivered     *)
(* (StabilityReport); Stable is what every member reported (the frontier, *)
(* StabilityTracker); a replica may drop its winning delete only if the   *)
(* delete is stable and it has delivered every member's head (the changes *)
(* made before the reports: ReplicaGc.heldBack).  After dropping, it      *)
(* refuses a change stamped at or below the dropped tombstone (the        *)
(* tombstone floor, Replica.behindFrontier).  Lamport clocks: a change is *)
(* stamped after everything its author delivered.                          *)
(*                                                                         *)
(* GcRule = "STABLE" is the design; "ANY_TIME" drops a winning delete as  *)
(* soon as it wins (GC without stability).  Guard = FALSE leaves out the  *)
(* floor check, so that GC without stability shows as a resurrection.     *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS Replicas, Rank, Values, MaxSeq, MaxChanges, GcRule, Guard

None == [author |-> "none"]

VARIABLES changes, delivered, refused, reg, floor, clock, reported

vars == <<changes, delivered, refused, reg, floor, clock, reported>>

Max(a, b) == IF a > b THEN a ELSE b

\* Write.LWW_ORDER for changes of one op: timestamp, then author rank.
Beats(c, d) == c.ts > d.ts \/ (c.ts = d.ts /\ Rank[c.author] > Rank[d.author])

Offer(cur, c) == IF cur = None \/ Beats(c, cur) THEN c ELSE cur

SeqOf(r) == Cardinality({c \in changes : c.author = r})

TypeOK ==
  /\ \A c \in changes : c.author \in Replicas /\ c.op \in {"put", "del"}
  /\ \A r \in Replicas : delivered[r] \subseteq changes /\ refused[r] \subseteq delivered[r]

Init ==
  /\ changes = {}
  /\ delivered = [r \in Replicas |-> {}]
  /\ refused = [r \in Replicas |-> {}]
  /\ reg = [r \in Replicas |-> None]
  /\ floor = [r \in Replicas |-> 0]
  /\ clock = [r \in Replicas |-> 0]
  /\ reported = [r \in Replicas |-> {}]

\* A local write: applied at once, stamped after everything r delivered.
Write(r, op, v) ==
  /\ SeqOf(r) < MaxSeq
  /\ Cardinality(changes) < MaxChanges
  /\ LET c == [author |-> r, seq |-> SeqOf(r) + 1, ts |-> clock[r] + 1, op |-> op, val |-> v]
     IN /\ changes' = changes \cup {c}
        /\ delivered' = [delivered EXCEPT ![r] = @ \cup {c}]
        /\ reg' = [reg EXCEPT ![r] = Offer(@, c)]
        /\ clock' = [clock EXCEPT ![r] = c.ts]
  /\ UNCHANGED <<refused, floor, reported>>

\* Any change reaches any replica, in any order (LWW needs no causal delivery).
Deliver(r, c) ==
  /\ c \in changes \ delivered[r]
  /\ delivered' = [delivered EXCEPT ![r] = @ \cup {c}]
  /\ clock' = [clock EXCEPT ![r] = Max(@, c.ts)]
  /\ IF Guard /\ floor[r] > 0 /\ c.ts <= floor[r]
       THEN /\ refused' = [refused EXCEPT ![r] = @ \cup {c}]
            /\ UNCHANGED reg
       ELSE /\ reg' = [reg EXCEPT ![r] = Offer(@, c)]
            /\ UNCHANGED refused
  /\ UNCHANGED <<changes, floor, reported>>

Report(r) ==
  /\ reported' = [reported EXCEPT ![r] = delivered[r]]
  /\ UNCHANGED <<changes, delivered, refused, reg, floor, clock>>

\* The frontier: what every member reported delivered.
Stable == {c \in changes : \A m \in Replicas : c \in reported[m]}

\* Every change a member had made when it last reported is delivered at r.
HeadsDelivered(r) ==
  \A c \in changes :
    (\E d \in reported[c.author] : d.author = c.author /\ d.seq >= c.seq) => c \in delivered[r]

MayCollect(r) ==
  \/ GcRule = "ANY_TIME"
  \/ GcRule = "STABLE" /\ reg[r] \in Stable /\ HeadsDelivered(r)

Collect(r) ==
  /\ reg[r] # None
  /\ reg[r].op = "del"
  /\ MayCollect(r)
  /\ floor' = [floor EXCEPT ![r] = Max(@, reg[r].ts)]
  /\ reg' = [reg EXCEPT ![r] = None]
  /\ UNCHANGED <<changes, delivered, refused, clock, reported>>

Next ==
  \/ \E r \in Replicas, op \in {"put", "del"}, v \in Values : Write(r, op, v)
  \/ \E r \in Replicas, c \in changes : Deliver(r, c)
  \/ \E r \in Replicas : Report(r) \/ Collect(r)

Spec == Init /\ [][Next]_vars

Shown(x) == IF x = None \/ x.op = "del" THEN "absent" ELSE x.val

Accepted(r) == delivered[r] \ refused[r]

\* LwwMapOracle over a set of changes: the greatest one decides.
Oracle(S) == IF S = {} THEN "absent"
             ELSE Shown(CHOOSE c \in S : \A d \in S : d = c \/ Beats(c, d))

\* A put is never shown while a delivered delete beats it.
NoResurrection ==
  \A r \in Replicas :
    reg[r] # None /\ reg[r].op = "put" =>
      ~\E d \in Accepted(r) : d.op = "del" /\ Beats(d, reg[r])

\* No member's change is refused: compaction loses no write.
NoLostWrite == \A r \in Replicas : refused[r] = {}

\* The compacted replica shows what the oracle shows for the full history it accepted.
OracleAgreement == \A r \in Replicas : Shown(reg[r]) = Oracle(Accepted(r))

\* Replicas that accepted the same changes show the same value, compacted or not.
Convergence ==
  \A r, s \in Replicas : Accepted(r) = Accepted(s) => Shown(reg[r]) = Shown(reg[s])
=============================================================================
