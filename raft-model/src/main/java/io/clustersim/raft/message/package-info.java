/**
 * What servers and clients send each other: the Raft RPCs ({@link io.clustersim.raft.message.RaftMessage},
 * named as in the paper's Figure 2 and hashicorp/raft) and the client protocol
 * ({@link io.clustersim.raft.message.ClientMessage}). All are immutable records; requests and
 * their responses are separate one-way messages sent with FIFO delivery, as over hashicorp's TCP
 * transport. Sizes follow the payload so that bandwidth-limited links slow large transfers down.
 */
package io.clustersim.raft.message;
