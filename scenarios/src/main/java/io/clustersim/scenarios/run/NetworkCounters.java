package io.clustersim.scenarios.run;

import io.clustersim.kernel.World;
import io.clustersim.kernel.network.NetworkStats;
import java.util.Map;

/** The message counters every report starts with. */
final class NetworkCounters {
    private NetworkCounters() {}

    static void put(World world, Map<String, Metric> metrics) {
        NetworkStats net = world.network().stats();
        metrics.put("messagesSent", new Metric.Count(net.sent()));
        metrics.put("messagesDelivered", new Metric.Count(net.delivered()));
        metrics.put("messagesDropped", new Metric.Count(net.dropped()));
    }
}
