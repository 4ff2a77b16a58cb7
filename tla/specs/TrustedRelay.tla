---------------------------- MODULE TrustedRelay ----------------------------
(* Honest members sync one document through an adversarial relay.          *)
(* The relay stores what members push, may inject forged (unsigned)        *)
(* changes, and may hide any stored change from any member for good        *)
(* (withhold, rollback and fork are all hiding). Members verify every      *)
(* change before applying it, sign heads (the set of changes they have     *)
(* applied; a hash-linked head names exactly that set), and exchange heads *)
(* through the relay. A member that hears a head naming a change it lacks  *)
(* asks the relay for it; a refusal is a detected fork.                    *)
(* SignedHeads = FALSE: heads are not signed, so the relay forwards a head *)
(* rewritten to leave out what it hides (the must-fail model).             *)
(* VerifySignatures = FALSE: a member applies unsigned changes.            *)
(* Mirrors simulations/relay: RelayClient, FreshnessMonitor, the attacks.  *)
EXTENDS Naturals, FiniteSets

CONSTANTS Honest, MaxSeq, SignedHeads, VerifySignatures

Changes == [author : Honest, seq : 1..MaxSeq, signed : BOOLEAN]

VARIABLES
    written,    \* the changes honest members signed
    store,      \* what the relay holds: honest pushes and its forgeries
    have,       \* have[r]: the changes r applied
    head,       \* head[r]: r's newest signed head
    hidden,     \* hidden[r]: what the relay will never serve r
    detected,   \* detected[r]: r flagged the relay
    forkSeen    \* ghost: r was shown a head naming a change hidden from it

vars == <<written, store, have, head, hidden, detected, forkSeen>>

TypeOK ==
    /\ written \subseteq Changes
    /\ store \subseteq Changes
    /\ have \in [Honest -> SUBSET Changes]
    /\ head \in [Honest -> SUBSET Changes]
    /\ hidden \in [Honest -> SUBSET Changes]
    /\ detected \in [Honest -> BOOLEAN]
    /\ forkSeen \in [Honest -> BOOLEAN]

Init ==
    /\ written = {}
    /\ store = {}
    /\ have = [r \in Honest |-> {}]
    /\ head = [r \in Honest |-> {}]
    /\ hidden = [r \in Honest |-> {}]
    /\ detected = [r \in Honest |-> FALSE]
    /\ forkSeen = [r \in Honest |-> FALSE]

NextSeq(r) == Cardinality({c \in written : c.author = r}) + 1

\* r signs a new change, applies it and pushes it to the relay.
Write(r) ==
    /\ NextSeq(r) <= MaxSeq
    /\ LET c == [author |-> r, seq |-> NextSeq(r), signed |-> TRUE]
       IN /\ written' = written \cup {c}
          /\ store' = store \cup {c}
          /\ have' = [have EXCEPT ![r] = @ \cup {c}]
    /\ UNCHANGED <<head, hidden, detected, forkSeen>>

\* The relay injects a change in a member's name that no member signed
\* (seq 1 only: one forgery per member shows the point and keeps the model small).
Forge(a, n) ==
    /\ store' = store \cup {[author |-> a, seq |-> n, signed |-> FALSE]}
    /\ UNCHANGED <<written, have, head, hidden, detected, forkSeen>>

\* The relay decides never to serve c to r (withhold, rollback, fork).
Hide(r, c) ==
    /\ c \in written
    /\ c.author # r
    /\ c \notin hidden[r]
    /\ hidden' = [hidden EXCEPT ![r] = @ \cup {c}]
    /\ UNCHANGED <<written, store, have, head, detected, forkSeen>>

Verified(c) == ~VerifySignatures \/ c.signed

\* The relay serves c to r; r applies it only if it verifies (a refused
\* forgery changes nothing, so it is not a step).
Deliver(r, c) ==
    /\ c \in store \ hidden[r]
    /\ c \notin have[r]
    /\ Verified(c)
    /\ have' = [have EXCEPT ![r] = @ \cup {c}]
    /\ UNCHANGED <<written, store, head, hidden, detected, forkSeen>>

SignHead(r) ==
    /\ head' = [head EXCEPT ![r] = have[r]]
    /\ UNCHANGED <<written, store, have, hidden, detected, forkSeen>>

\* r's head reaches s through the relay. Signed, it arrives as r signed it;
\* unsigned, the relay drops from it whatever it hides from s. s asks the
\* relay for what the head names and s lacks: served, or refused (detected).
Exchange(r, s) ==
    /\ r # s
    /\ LET shown == IF SignedHeads THEN head[r] ELSE head[r] \ hidden[s]
           missing == shown \ have[s]
       IN /\ forkSeen' = [forkSeen EXCEPT ![s] = @ \/ ((head[r] \cap hidden[s]) \ have[s] # {})]
          /\ IF missing \cap hidden[s] # {}
               THEN /\ detected' = [detected EXCEPT ![s] = TRUE]
                    /\ UNCHANGED have
               ELSE /\ have' = [have EXCEPT ![s] = @ \cup missing]
                    /\ UNCHANGED detected
    /\ UNCHANGED <<written, store, head, hidden>>

Next ==
    \/ \E r \in Honest : Write(r) \/ SignHead(r)
    \/ \E a \in Honest : Forge(a, 1)
    \/ \E r \in Honest, c \in store : Hide(r, c) \/ Deliver(r, c)
    \/ \E r, s \in Honest : Exchange(r, s)

Spec == Init /\ [][Next]_vars

(* No honest replica applies a change no member signed. *)
NoUnsignedApplied == \A r \in Honest : have[r] \subseteq written

(* A fork is detected once two honest replicas exchange heads: a member  *)
(* shown a head that names a change hidden from it has flagged the relay. *)
ForkDetected == \A r \in Honest : forkSeen[r] => detected[r]

(* A member only flags a relay that really hid something from it. *)
NoFalseDetection == \A r \in Honest : detected[r] => hidden[r] # {}
=============================================================================
