/**
 * Availability as operators see it: API callers placed in every zone of every region, each a
 * process of its own that writes, reads through the leader and reads stale every interval, and
 * counts an attempt good only if its answer arrives within the timeout. A probe whose own node
 * is down makes no attempts, so its outage is not mistaken for the control plane's.
 */
package io.clustersim.model.probe;
