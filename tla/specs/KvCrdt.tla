------------------------------- MODULE KvCrdt -------------------------------
(***************************************************************************)
(* A replicated key-value map, as built in Entente's `impl` and defined in *)
(* its `model` module (names follow `dev.entente.model`).                  *)
(*                                                                         *)
(* Replicas make Changes (a set of ops on distinct keys, stamped by their  *)
(* TimestampClock, with the author's VersionVector as `seen`), broadcast   *)
(* them over an unreliable network (messages may be lost, delivered more   *)
(* than once and in any order) and pull what they miss by version-vector   *)
(* delta sync (AntiEntropy.tla checks that protocol message by message).   *)
(* Each replica keeps a store for one RegisterPolicy (LWW and MV updated   *)
(* incrementally, CAUSAL_GROUP recomputed per group as CausalGroupMap      *)
(* does); MV and CAUSAL_GROUP replicas deliver causally (buffering a       *)
(* change until its causal past is delivered), LWW replicas in any order.  *)
(* The invariants compare each store                                       *)
(* with the first-principles oracles LwwMapOracle, MvMapOracle and         *)
(* CausalGroupOracle evaluated on the changes the replica delivered.       *)
(*                                                                         *)
(* Physical time is abstract: each replica's physical clock `pt[r]` ticks  *)
(* on its own, never more than MaxSkew ahead of any other.  Clocks are     *)
(* HybridLogicalClock (Kulkarni et al. 2014, with the 16-bit counter's     *)
(* overflow carried into the wall part) or, as the naive baseline,         *)
(* WallClock.                                                              *)
(*                                                                         *)
(* Modelling restriction: a change writes each key at most once, so the    *)
(* op position inside a change (the last LWW_ORDER tie-break) never      *)
(* decides; `properties` covers that rule against the oracles.             *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
    Replica,      \* the ReplicaIds
    ReplicaRank,  \* [Replica -> Nat], injective: the order of ReplicaIds
    Key,          \* the Keys
    Value,        \* the Values a put may write
    NoValue,      \* a model value: what a Delete carries instead of a value
    GroupOf,      \* [Key -> group]: KeyGroups.byParentPath, judged by NoImpossibleState
    MapGroupOf,   \* [Key -> group]: the KeyGroups the CAUSAL_GROUP store resolves by
    Policy,       \* RegisterPolicy: "LWW", "MV" or "CAUSAL_GROUP"
    Clock,        \* ClockKind: "HLC" or "WALL"
    TieBreak,     \* TRUE iff LWW_ORDER breaks timestamp ties by author (the design)
    MaxSkew,      \* the most one physical clock may lead another
    MaxLogical,   \* HlcTimestamp.MAX_LOGICAL
    GroupRule,    \* the CAUSAL_GROUP view: "RECURSIVE" (the design, CausalGroupOracle)
                  \* or "WINNER_SEEN_LWW" (the superseded rule, kept as a failing model)
    GroupDelivery \* how CAUSAL_GROUP replicas deliver: "CAUSAL" (the design, buffering
                  \* as MV does) or "ANY_ORDER" (the bug of MCKvCrdtGroupAnyOrder)

ASSUME
    /\ ReplicaRank \in [Replica -> Nat]
    /\ \A r, s \in Replica : ReplicaRank[r] = ReplicaRank[s] => r = s
    /\ NoValue \notin Value
    /\ Policy \in {"LWW", "MV", "CAUSAL_GROUP"}
    /\ Clock \in {"HLC", "WALL"}
    /\ TieBreak \in BOOLEAN
    /\ MaxSkew \in Nat
    /\ MaxLogical \in Nat
    /\ GroupRule \in {"RECURSIVE", "WINNER_SEEN_LWW"}
    /\ GroupDelivery \in {"CAUSAL", "ANY_ORDER"}

VARIABLES
    pt,         \* [Replica -> Nat]: what each replica's physical clock reads
    clock,      \* [Replica -> Timestamp]: TimestampClock.current()
    overflows,  \* ghost: how many HLC counter overflows happened, over all replicas
    history,    \* ghost: every Change ever made
    msgs,       \* the network: a set of [to |-> Replica, change |-> Change]
    delivered,  \* [Replica -> set of Change]: the changes applied to the store
    pending,    \* [Replica -> set of Change]: MV and CAUSAL_GROUP (CausalDelivery),
                \* the changes waiting for their causal past
    store,      \* [Replica -> Store], see EmptyStore
    shown       \* ghost, CAUSAL_GROUP only: [history -> [Key -> register]], the
                \* registers each change's author showed when it made the change

vars == <<pt, clock, overflows, history, msgs, delivered, pending, store, shown>>

-----------------------------------------------------------------------------
(* Vocabulary: HlcTimestamp, Op, Change, Write, VersionVector.             *)

Max(a, b) == IF a >= b THEN a ELSE b

Timestamp == [wall : Nat, logical : 0..MaxLogical]
Zero == [wall |-> 0, logical |-> 0]
TsLess(a, b) == \/ a.wall < b.wall
                \/ a.wall = b.wall /\ a.logical < b.logical

Put(k, v) == [op |-> "put", key |-> k, value |-> v]
Delete(k) == [op |-> "delete", key |-> k, value |-> NoValue]
Op == {Put(k, v) : k \in Key, v \in Value} \cup {Delete(k) : k \in Key}
\* The op lists a change may hold: non-empty, at most one op per key.
OpSets == {S \in SUBSET Op : S # {} /\ \A o1, o2 \in S : o1.key = o2.key => o1 = o2}

VersionVector == [Replica -> Nat]
Change == [author : Replica, seq : Nat \ {0}, timestamp : Timestamp,
           seen : VersionVector, ops : OpSets]

KeysOf(c) == {o.key : o \in c.ops}
\* Change.hasSeen: c's seen vector covers d's dot.
HasSeen(c, d) == c.seen[d.author] >= d.seq
SameDot(c, d) == c.author = d.author /\ c.seq = d.seq

\* Write.CHANGE_ORDER: timestamp, then author (the tie-break), then seq.
ChangeLess(c, d) ==
    \/ TsLess(c.timestamp, d.timestamp)
    \/ /\ c.timestamp = d.timestamp
       /\ \/ TieBreak /\ ReplicaRank[c.author] < ReplicaRank[d.author]
          \/ c.author = d.author /\ c.seq < d.seq
          \/ ~TieBreak /\ c.seq < d.seq

\* A Write is one op of one change; with one op per key per change the
\* position never decides, so LWW_ORDER on writes is CHANGE_ORDER.
WriteOf(c, k) == [change |-> c, op |-> CHOOSE o \in c.ops : o.key = k]
WriteLess(w1, w2) == ChangeLess(w1.change, w2.change)
\* Write.supersedes: the other write's change has been seen.
Supersedes(w1, w2) == HasSeen(w1.change, w2.change)

\* The writes to k among the changes cs.
WritesTo(cs, k) == {WriteOf(c, k) : c \in {d \in cs : k \in KeysOf(d)}}
\* The greatest of a set of writes in LWW order, as a set of at most one.
MaxWrite(W) == IF W = {} THEN {}
               ELSE {CHOOSE w \in W : \A o \in W : ~WriteLess(w, o)}
MaxChange(C) == CHOOSE c \in C : \A d \in C : ~ChangeLess(c, d)

\* Replica.versionVector(): the contiguous prefix of delivered dots.
VV(cs) == [q \in Replica |->
             LET seqs == {c.seq : c \in {d \in cs : d.author = q}}
             IN CHOOSE n \in 0..Cardinality(seqs) :
                    (\A i \in 1..n : i \in seqs) /\ (n + 1) \notin seqs]

\* Replica.changesSince(vv): the delivered changes vv does not cover.
ChangesSince(cs, vv) == {c \in cs : c.seq > vv[c.author]}

Known(r) == delivered[r] \cup pending[r]

-----------------------------------------------------------------------------
(* Clocks: TimestampClock.now() and observe(remote).                      *)

\* Moves to (w, l), carrying an overflowing counter into the wall part.
Carry(w, l) == IF l > MaxLogical THEN [wall |-> w + 1, logical |-> 0]
                                 ELSE [wall |-> w, logical |-> l]

NowRaw(r) ==
    IF Clock = "WALL" THEN [wall |-> pt[r], logical |-> 0]
    ELSE LET w == Max(clock[r].wall, pt[r])
         IN [wall |-> w, logical |-> IF w = clock[r].wall THEN clock[r].logical + 1 ELSE 0]

ObserveRaw(r, ts) ==
    LET w == Max(Max(clock[r].wall, ts.wall), pt[r])
        l == CASE w = clock[r].wall /\ w = ts.wall -> Max(clock[r].logical, ts.logical) + 1
               [] w = clock[r].wall -> clock[r].logical + 1
               [] w = ts.wall -> ts.logical + 1
               [] OTHER -> 0
    IN [wall |-> w, logical |-> l]

\* Sets the clock of r from an unnormalised (wall, logical) pair.
AdvanceClock(r, raw) ==
    /\ clock' = [clock EXCEPT ![r] = Carry(raw.wall, raw.logical)]
    /\ overflows' = IF raw.logical > MaxLogical THEN overflows + 1 ELSE overflows

Observe(r, ts) ==
    LET raw == ObserveRaw(r, ts)
    IN /\ clock' = IF Clock = "WALL" THEN clock
                   ELSE [clock EXCEPT ![r] = Carry(raw.wall, raw.logical)]
       /\ overflows' = IF Clock = "HLC" /\ raw.logical > MaxLogical
                       THEN overflows + 1 ELSE overflows

-----------------------------------------------------------------------------
(* Stores: the maps of `impl`, one shape for all policies.                *)
(*   reg[k]:    LWW and CAUSAL_GROUP: the winning write (a delete is a    *)
(*              tombstone), as a set of at most one; MV: surviving puts.  *)
(*   winner[g]: CAUSAL_GROUP only: the winning change of map group g.    *)

MapGroups == {MapGroupOf[k] : k \in Key}
Groups == {GroupOf[k] : k \in Key}
KeysOfMapGroup(g) == {k \in Key : MapGroupOf[k] = g}
KeysOfGroup(g) == {k \in Key : GroupOf[k] = g}
Touches(c, g) == \E k \in KeysOf(c) : MapGroupOf[k] = g

EmptyStore == [reg |-> [k \in Key |-> {}], winner |-> [g \in MapGroups |-> {}]]

\* LwwMap.apply: a write replaces the register's write if greater in LWW order.
LwwApply(st, c) ==
    [st EXCEPT !.reg = [k \in Key |->
        IF k \notin KeysOf(c) THEN st.reg[k]
        ELSE LET w == WriteOf(c, k)
             IN IF \A o \in st.reg[k] : WriteLess(o, w) THEN {w} ELSE st.reg[k]]]

\* MvMap.apply (causal delivery): drop the siblings c has seen, add c's put.
MvApply(st, c) ==
    [st EXCEPT !.reg = [k \in Key |->
        IF k \notin KeysOf(c) THEN st.reg[k]
        ELSE LET w == WriteOf(c, k)
             IN {o \in st.reg[k] : ~Supersedes(w, o)}
                \cup (IF w.op.op = "put" THEN {w} ELSE {})]]

\* The greatest change of W, then the greatest one it had seen, then the
\* greatest one both had seen, and so on: CausalGroupMap.computeView walks
\* W in descending CHANGE_ORDER and keeps a change iff every link kept so
\* far has seen it.  `chain` holds the links kept so far.
RECURSIVE ChainWalk(_, _)
ChainWalk(rest, chain) ==
    IF rest = {} THEN chain
    ELSE LET c == MaxChange(rest)
         IN ChainWalk(rest \ {c}, IF \A l \in chain : HasSeen(l, c) THEN chain \cup {c} ELSE chain)

\* The changes whose writes a map group shows, each key resolved by LWW
\* among them (CausalGroupMap replays the chain oldest first).  The
\* superseded rule took the winner and every change it had seen.
GroupSources(g, cs) ==
    LET W == {d \in cs : Touches(d, g)}
    IN IF W = {} THEN {}
       ELSE IF GroupRule = "RECURSIVE" THEN ChainWalk(W, {})
       ELSE LET w == MaxChange(W) IN {w} \cup {d \in W : HasSeen(w, d)}

\* CausalGroupMap.apply: a change marks the groups it writes dirty and each
\* such group's view is recomputed from every delivered change that wrote
\* it, as the Java map does lazily (it keeps them all, a grow-only set per
\* group).  So the store is not incremental for this policy: it is the
\* chain walk above, a different algorithm from the recursive
\* CausalGroupOracle that OracleAgreement compares it with.  `cs` are the
\* delivered changes including c.
GroupApply(st, c, cs) ==
    LET src == [g \in MapGroups |-> IF Touches(c, g) THEN GroupSources(g, cs) ELSE {}]
    IN [reg |-> [k \in Key |->
                   IF Touches(c, MapGroupOf[k]) THEN MaxWrite(WritesTo(src[MapGroupOf[k]], k))
                   ELSE st.reg[k]],
        winner |-> [g \in MapGroups |->
                      IF Touches(c, g) THEN {MaxChange({d \in cs : Touches(d, g)})}
                      ELSE st.winner[g]]]

\* Replica.needsCausalDelivery(): MV and CAUSAL_GROUP replicas deliver a
\* change only once its causal past (seen) is delivered, buffering it until
\* then.  MV's sibling pruning needs it, and so does the group view, which
\* rebuilds what an author was shown from the changes it declared as seen:
\* a replica that showed a change beyond a gap in its version vector would
\* make a change that cannot declare it (MCKvCrdtGroupAnyOrder).  LWW
\* delivers at once, in any order.
CausalDelivery ==
    \/ Policy = "MV"
    \/ Policy = "CAUSAL_GROUP" /\ GroupDelivery = "CAUSAL"

\* Replica.isCausallyReady: c's causal past (seen) is delivered.
Ready(c, cs) == \A q \in Replica : c.seen[q] <= VV(cs)[q]

\* Replica.deliver of a change to the map of the policy; `cs` are the
\* changes delivered before c.  The group store is recomputed from every
\* delivered writer of the groups c writes (GroupApply).
Apply(st, c, cs) ==
    CASE Policy = "LWW" -> LwwApply(st, c)
      [] Policy = "MV" -> MvApply(st, c)
      [] Policy = "CAUSAL_GROUP" -> GroupApply(st, c, cs \cup {c})

RECURSIVE Drain(_, _, _)
\* Replica.releasePending: delivers buffered changes while one is causally
\* ready; returns <<delivered, pending, store>>.  Changes ready together
\* are mutually concurrent, so the order among them does not matter.
Drain(cs, buf, st) ==
    LET ready == {c \in buf : Ready(c, cs)}
    IN IF ready = {} THEN <<cs, buf, st>>
       ELSE LET c == CHOOSE c \in ready : TRUE
            IN Drain(cs \cup {c}, buf \ {c}, Apply(st, c, cs))

\* Replica.deliverOrBuffer (written without action-level IF, so that TLC
\* names the steps of counterexamples after the actions that call it).
\* With causal delivery c joins the buffer and everything ready drains
\* (c itself, if its past is delivered); otherwise c is applied at once.
DeliverOrBuffer(r, c) ==
    LET drained == Drain(delivered[r], pending[r] \cup {c}, store[r])
        applied == Apply(store[r], c, delivered[r])
    IN /\ delivered' = [delivered EXCEPT ![r] =
                          IF CausalDelivery THEN drained[1] ELSE @ \cup {c}]
       /\ pending' = [pending EXCEPT ![r] = IF CausalDelivery THEN drained[2] ELSE @]
       /\ store' = [store EXCEPT ![r] = IF CausalDelivery THEN drained[3] ELSE applied]

\* Replica.apply of a remote change: the clock observes the timestamp and
\* the change is delivered (or buffered).  A change with a known dot is a
\* harmless Duplicate that changes nothing, a stuttering step, so it is
\* simply not enabled here.
Receive(r, c) ==
    /\ ~\E d \in Known(r) : SameDot(c, d)
    /\ Observe(r, c.timestamp)
    /\ DeliverOrBuffer(r, c)

-----------------------------------------------------------------------------
(* The system.                                                             *)

Init ==
    /\ pt = [r \in Replica |-> 0]
    /\ clock = [r \in Replica |-> Zero]
    /\ overflows = 0
    /\ history = {}
    /\ msgs = {}
    /\ delivered = [r \in Replica |-> {}]
    /\ pending = [r \in Replica |-> {}]
    /\ store = [r \in Replica |-> EmptyStore]
    /\ shown = [c \in {} |-> EmptyStore.reg]

\* Physical time passes at r, keeping every skew within MaxSkew.
Tick(r) ==
    /\ \A s \in Replica : pt[r] + 1 - pt[s] <= MaxSkew
    /\ pt' = [pt EXCEPT ![r] = @ + 1]
    /\ UNCHANGED <<clock, overflows, history, msgs, delivered, pending, store, shown>>

\* Replica.transact: r makes a change of `ops`, applies it and broadcasts it.
Write(r, ops) ==
    LET raw == NowRaw(r)
        seq == Cardinality({c \in Known(r) : c.author = r}) + 1
        c == [author |-> r, seq |-> seq, timestamp |-> Carry(raw.wall, raw.logical),
              seen |-> [VV(delivered[r]) EXCEPT ![r] = seq - 1], ops |-> ops]
    IN /\ AdvanceClock(r, raw)
       /\ DeliverOrBuffer(r, c)
       /\ history' = history \cup {c}
       /\ msgs' = msgs \cup {[to |-> d, change |-> c] : d \in Replica \ {r}}
       \* What r showed before c (only the group policy needs it; recording
       \* it for the others would only multiply their states).
       /\ shown' = IF Policy = "CAUSAL_GROUP"
                   THEN [d \in DOMAIN shown \cup {c} |-> IF d = c THEN store[r].reg ELSE shown[d]]
                   ELSE shown
       /\ UNCHANGED pt

\* Any message may arrive, in any order; it stays in the network, so it may
\* arrive again (duplication).
Deliver ==
    \E m \in msgs :
        /\ Receive(m.to, m.change)
        /\ UNCHANGED <<pt, history, msgs, shown>>

\* Any message may be lost.
Lose ==
    \E m \in msgs :
        /\ msgs' = msgs \ {m}
        /\ UNCHANGED <<pt, clock, overflows, history, delivered, pending, store, shown>>

\* One step of a version-vector delta sync round (AntiEntropy.tla): r
\* receives a change that s has delivered and r's version vector does not
\* cover, skipping the ones r already knows.
SyncStep(r, s) ==
    /\ r # s
    /\ \E c \in ChangesSince(delivered[s], VV(delivered[r])) :
           /\ Receive(r, c)
           /\ UNCHANGED <<pt, history, msgs, shown>>

Next ==
    \/ \E r \in Replica : Tick(r)
    \/ \E r \in Replica, ops \in OpSets : Write(r, ops)
    \/ Deliver
    \/ Lose
    \/ \E r, s \in Replica : SyncStep(r, s)

Spec == Init /\ [][Next]_vars

\* Every pair of replicas keeps running anti-entropy.
Fairness == \A r, s \in Replica : r # s => WF_vars(SyncStep(r, s))
FairSpec == Spec /\ Fairness

-----------------------------------------------------------------------------
(* Invariants.                                                             *)

TypeOK ==
    /\ pt \in [Replica -> Nat]
    /\ clock \in [Replica -> Timestamp]
    /\ overflows \in Nat
    /\ history \subseteq Change
    /\ \A m \in msgs : m.to \in Replica /\ m.change \in history
    /\ \A r \in Replica : Known(r) \subseteq history /\ delivered[r] \cap pending[r] = {}
    /\ \A r \in Replica : DOMAIN store[r].reg = Key /\ DOMAIN store[r].winner = MapGroups
    /\ \A r \in Replica, k \in Key : \A w \in store[r].reg[k] :
          w.change \in delivered[r] /\ w.op \in w.change.ops /\ w.op.key = k
    /\ \A r \in Replica, g \in MapGroups : store[r].winner[g] \subseteq delivered[r]
    \* Dots are unique and each author's seqs are 1..n.
    /\ \A q \in Replica :
          LET seqs == {c.seq : c \in {d \in history : d.author = q}}
          IN seqs = 1..Cardinality(seqs)
    /\ Cardinality({<<c.author, c.seq>> : c \in history}) = Cardinality(history)
    /\ ~CausalDelivery => \A r \in Replica : pending[r] = {}
    /\ DOMAIN shown = IF Policy = "CAUSAL_GROUP" THEN history ELSE {}
    /\ \A c \in DOMAIN shown : DOMAIN shown[c] = Key
          /\ \A k \in Key : \A w \in shown[c][k] : w.change \in history /\ w.op.key = k

PhysicalSkewBounded == \A r, s \in Replica : pt[r] - pt[s] <= MaxSkew

\* HybridLogicalClock "causal" and "monotonic": a change is stamped after
\* every change its author had seen, including its own earlier changes.
TimestampsRespectCausality ==
    \A c, d \in history : HasSeen(c, d) => TsLess(d.timestamp, c.timestamp)

\* After observe(t), current() > t; every timestamp r issued is <= current().
HlcAheadOfKnown ==
    \A r \in Replica : \A c \in Known(r) :
        IF c.author = r THEN ~TsLess(clock[r], c.timestamp)
                        ELSE TsLess(c.timestamp, clock[r])

\* Bounded lead: wall - pt <= skew + overflows (every wall part is some
\* physical reading, plus at most one millisecond per counter overflow).
HlcBoundedLead == \A r \in Replica : clock[r].wall <= pt[r] + MaxSkew + overflows

\* Action properties: the clock never goes back, and every clock event
\* yields a wall part >= the physical time it read.
HlcMonotonic == [][\A r \in Replica : ~TsLess(clock'[r], clock[r])]_vars
HlcNeverBehindPhysical ==
    [][\A r \in Replica : clock'[r] # clock[r] => clock'[r].wall >= pt[r]]_vars

\* Replicas that delivered the same changes have equal stores.
Convergence ==
    \A r, s \in Replica : delivered[r] = delivered[s] => store[r] = store[s]

(* The first-principles oracles, as registers: the write each key shows. *)
LwwOracle(cs) == [k \in Key |-> MaxWrite(WritesTo(cs, k))]

MvOracle(cs) ==
    [k \in Key |-> {w \in WritesTo(cs, k) :
                      w.op.op = "put" /\ ~\E o \in WritesTo(cs, k) : o # w /\ Supersedes(o, w)}]

\* CausalGroupOracle.view(g, S): all keys of g absent if no change of S
\* writes g; else the winner w's ops on the keys of g applied on top of
\* view(g, {c in S writing g : w has seen c}).  As registers over Key
\* (meaningful on the keys of g): a delete leaves its tombstone write.
RECURSIVE GroupView(_, _)
GroupView(g, cs) ==
    LET W == {d \in cs : Touches(d, g)}
    IN IF W = {} THEN [k \in Key |-> {}]
       ELSE LET w == MaxChange(W)
                below == GroupView(g, {d \in W : HasSeen(w, d)})
            IN [k \in Key |-> IF k \in KeysOf(w) /\ MapGroupOf[k] = g
                              THEN {WriteOf(w, k)} ELSE below[k]]

\* The superseded rule: per-key LWW over the winner and what it had seen.
WinnerSeenLwwOracle(cs) ==
    [k \in Key |->
        LET wg == {c \in cs : Touches(c, MapGroupOf[k])}
            win == MaxChange(wg)
            view == {win} \cup {d \in wg : HasSeen(win, d)}
        IN IF wg = {} THEN {} ELSE MaxWrite(WritesTo(view, k))]

CausalGroupOracle(cs) ==
    IF GroupRule = "RECURSIVE"
    THEN LET views == [g \in MapGroups |-> GroupView(g, cs)]
         IN [k \in Key |-> views[MapGroupOf[k]][k]]
    ELSE WinnerSeenLwwOracle(cs)

Oracle(cs) == CASE Policy = "LWW" -> LwwOracle(cs)
                [] Policy = "MV" -> MvOracle(cs)
                [] Policy = "CAUSAL_GROUP" -> CausalGroupOracle(cs)

\* Every store shows what the oracle says its delivered changes produce.
OracleAgreement == \A r \in Replica : store[r].reg = Oracle(delivered[r])

\* MaterialisedMap: what a reader sees (keys to values; MV: sets of values).
Materialise(st) ==
    [k \in {k \in Key : \E w \in st.reg[k] : w.op.op = "put"} |->
        {w.op.value : w \in st.reg[k]}]

\* The changes of cs that write a key of group g (by GroupOf).
WritersOf(cs, g) == {c \in cs : \E k \in KeysOf(c) : GroupOf[k] = g}

\* The registers of group g after c is applied to `regs`.
ApplyToGroup(c, g, regs) ==
    [k \in KeysOfGroup(g) |-> IF k \in KeysOf(c) THEN {WriteOf(c, k)} ELSE regs[k]]

\* r holds the declared causal past, within g, of every change writing g it
\* delivered.  Without it r may show a partial view (the winner's edit on
\* the part of its past r has), which CausalGroupOracle accepts.  Under
\* causal delivery (CausallyClosed) every group is settled; only
\* GroupDelivery = "ANY_ORDER" makes the exemption matter.
SettledGroup(r, g) ==
    \A c \in WritersOf(delivered[r], g) : \A d \in WritersOf(history, g) :
        HasSeen(c, d) => d \in delivered[r]

\* No impossible state: every state a group (by GroupOf, the parent path)
\* shows was produced knowingly by some author: it is the registers that
\* author showed for the group when it wrote (ghost `shown`) with its
\* change applied.  A group nobody wrote shows nothing; a replica missing
\* part of a writer's declared past is exempt (SettledGroup).  Checked
\* against the stores, so independent of CausalGroupOracle: it fails for
\* per-key LWW (two concurrent edits mixed) and for the superseded
\* WINNER_SEEN_LWW rule (a field of a change that lost to an earlier winner
\* comes back).  It also fails for the recursive view when group replicas
\* deliver in any order (GroupDelivery = "ANY_ORDER", MCKvCrdtGroupAnyOrder):
\* an author is shown a change beyond a gap in its version vector that its
\* `seen` does not cover, and the recursive view drops it from under the
\* author's edit (README).  Causal delivery closes that (MCKvCrdtGroupGap).
NoImpossibleState ==
    \A r \in Replica, g \in Groups :
        LET view == [k \in KeysOfGroup(g) |-> store[r].reg[k]]
            writers == WritersOf(delivered[r], g)
        IN /\ writers = {} => \A k \in KeysOfGroup(g) : view[k] = {}
           /\ writers # {} /\ SettledGroup(r, g) =>
                 \E c \in writers : view = ApplyToGroup(c, g, shown[c])

\* Weaker, and kept because it needs no ghost: the writes a group shows come
\* from one change and changes that change had seen, never from two
\* concurrent edits.  Per-key LWW breaks it; WINNER_SEEN_LWW does not.
NoConcurrentMix ==
    \A r \in Replica, g \in Groups :
        LET src == {w.change : w \in UNION {store[r].reg[k] : k \in KeysOfGroup(g)}}
        IN src = {} \/ \E w \in src : \A c \in src : c = w \/ HasSeen(w, c)

\* The winning write of a key is never one that a delivered write to the
\* same key causally supersedes (LWW with causal timestamps).
NoCausallyLaterWriteLost ==
    \A r \in Replica, k \in Key : \A w \in store[r].reg[k] :
        ~\E o \in WritesTo(delivered[r], k) : o # w /\ Supersedes(o, w)

\* MV and CAUSAL_GROUP never buffer a change that is ready (Replica.checkRep).
NoReadyChangePending ==
    \A r \in Replica : \A c \in pending[r] : ~Ready(c, delivered[r])

\* Causal delivery: the delivered changes of a replica are causally closed
\* (each one's declared past is delivered), so they have no version-vector
\* gaps and a replica shows exactly what its next change declares as seen
\* (Replica.checkRep: "delivered with gaps").  LWW delivers in any order.
CausallyClosed ==
    CausalDelivery => \A r \in Replica : \A c \in delivered[r] : Ready(c, delivered[r])

-----------------------------------------------------------------------------
(* Liveness, under Fairness.                                               *)

Made(q, n) == \E c \in history : c.author = q /\ c.seq = n
Has(r, q, n) == \E c \in delivered[r] : c.author = q /\ c.seq = n

\* Every change is eventually delivered everywhere (n ranges over Seqs).
EveryChangeDelivered(Seqs) ==
    \A r, q \in Replica : \A n \in Seqs : Made(q, n) ~> Has(r, q, n)

Converged ==
    \A r, s \in Replica : delivered[r] = delivered[s] /\ store[r] = store[s]

\* All replicas eventually converge and stay converged.
EventuallyConverged == <>[]Converged
=============================================================================
