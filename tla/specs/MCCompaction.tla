---------------------------- MODULE MCCompaction ----------------------------
(* A finite model of Compaction: two replicas (L lags whenever the        *)
(* interleaving makes it), one value, a bounded number of changes.        *)
EXTENDS Compaction, TLC

MCRank == [r \in Replicas |-> IF r = "A" THEN 1 ELSE IF r = "B" THEN 2 ELSE 3]
=============================================================================
