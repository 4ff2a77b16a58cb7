--------------------------- MODULE MCTrustedRelay ---------------------------
(* A finite model of TrustedRelay: members are symmetric.                 *)
EXTENDS TrustedRelay, TLC

MCSymmetry == Permutations(Honest)
=============================================================================
