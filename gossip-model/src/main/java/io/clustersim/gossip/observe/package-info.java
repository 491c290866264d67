/**
 * Read-only taps on the gossip core for measurement and checking: who observed what about whom,
 * and when. Observers are called synchronously from inside the protocol and must never change
 * protocol state or draw from its random streams.
 */
package io.clustersim.gossip.observe;
