---------------------------- MODULE MCAntiEntropy ---------------------------
(* A finite model of AntiEntropy: the network holds a bounded number of   *)
(* messages, and replicas are symmetric (nothing orders them).           *)
EXTENDS AntiEntropy, TLC

CONSTANT MaxMessages

NetBound == Cardinality(net) <= MaxMessages
MCSymmetry == Permutations(Replica)
=============================================================================
