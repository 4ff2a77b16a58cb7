package dev.entente.simulations.relay;

/**
 * A frame the relay stored: who uploaded it and in which round. This and the frame's id and size
 * are all the relay knows about it.
 *
 * @param frame the bytes
 * @param uploader the index of the client that pushed it
 * @param round the round the relay stored it in
 */
public record StoredFrame(Frame frame, int uploader, int round) {}
