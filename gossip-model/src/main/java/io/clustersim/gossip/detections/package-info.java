/**
 * Records of every failure detection: who suspected a member first and when, the independent
 * confirmations each suspicion received, whether each member declared the death on its own
 * suspicion timer or heard it, and the member's refutations of a suspicion or a death.
 * {@link io.clustersim.gossip.detections.DetectionRecorder} collects them from the observer taps
 * and writes each step to the trace.
 */
package io.clustersim.gossip.detections;
