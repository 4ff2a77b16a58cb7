package dev.entente.simulations.relay;

import dev.entente.impl.codec.Hash32;

/**
 * Ground truth for the freshness checker: in {@code round}, client {@code client} took a verified
 * head of an honest member whose signer had accepted {@code hidden}, an envelope the relay was then
 * hiding from the client by a freshness attack and that the client lacked.
 *
 * @param client the client
 * @param round the round it heard
 * @param hidden the hidden envelope
 * @param viaRelay true if the head came through the relay, false if directly from a member
 */
public record Heard(int client, int round, Hash32 hidden, boolean viaRelay) {}
