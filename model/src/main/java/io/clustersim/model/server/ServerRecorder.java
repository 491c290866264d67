package io.clustersim.model.server;

import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.telemetry.Counter;
import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.kernel.telemetry.Samples;
import io.clustersim.kernel.telemetry.Telemetry;
import io.clustersim.model.metrics.NomadMetrics;

/** One server's instruments, labelled with its region and zone. */
public final class ServerRecorder {
    private final Telemetry telemetry;
    private final Labels labels;
    private Counter heartbeats;
    private Samples clientTtl;

    public ServerRecorder(Telemetry telemetry, Placement place) {
        this.telemetry = telemetry;
        this.labels = Labels.of("region", place.region(), "zone", place.zone());
        // Created at once, so that a report shows a zero rather than leaving the figure out.
        rpcForwards();
        rpcHoldTimeouts();
        autopilotRemovals();
        autopilotPromotions();
        serverLeaves();
        serverFailures();
        heartbeats();
    }

    Counter rpcForwards() {
        return telemetry.counter(NomadMetrics.RPC_FORWARDS, labels);
    }

    Counter rpcHoldTimeouts() {
        return telemetry.counter(NomadMetrics.RPC_HOLD_TIMEOUTS, labels);
    }

    Counter autopilotRemovals() {
        return telemetry.counter(NomadMetrics.AUTOPILOT_REMOVALS, labels);
    }

    Counter autopilotPromotions() {
        return telemetry.counter(NomadMetrics.AUTOPILOT_PROMOTIONS, labels);
    }

    Counter serverLeaves() {
        return telemetry.counter(NomadMetrics.SERVER_LEAVES, labels);
    }

    /** Crashes are counted by the deployment (a crashed process records nothing); stops without leave here. */
    public Counter serverFailures() {
        return telemetry.counter(NomadMetrics.SERVER_FAILURES, labels);
    }

    /** Client registrations and heartbeats this server handled as leader. */
    public Counter heartbeats() {
        // Kept, as every heartbeat counts here: a lookup by name and labels each time showed in
        // the 10,000-client profile.
        if (heartbeats == null) {
            heartbeats = telemetry.counter(NomadMetrics.CLIENT_HEARTBEATS, labels);
        }
        return heartbeats;
    }

    /** The TTLs this server handed to clients, in seconds. */
    public Samples clientTtl() {
        if (clientTtl == null) {
            clientTtl = telemetry.samples(NomadMetrics.CLIENT_TTL_SECONDS, labels);
        }
        return clientTtl;
    }

    /** Heartbeats' time from arrival to handling on this leader, in milliseconds (recorded with a capacity model). */
    public Samples heartbeatProcessing() {
        return telemetry.samples(NomadMetrics.HEARTBEAT_PROCESSING_MS, labels);
    }

    Samples replicationLag() {
        return telemetry.samples(NomadMetrics.REPLICATION_LAG_SECONDS, labels);
    }
}
