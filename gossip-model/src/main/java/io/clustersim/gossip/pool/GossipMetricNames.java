package io.clustersim.gossip.pool;

import io.clustersim.kernel.telemetry.MetricName;
import java.util.List;

/** The names of a Serf pool's metrics, as reports show them. */
public final class GossipMetricNames {
    private GossipMetricNames() {}

    public static final MetricName FAILURE_DETECTION_FIRST_SECONDS = MetricName.samples("failureDetectionFirstSeconds", "s",
            "per crash: until the first live member declared the crashed one dead");
    public static final MetricName FAILURE_DETECTION_ALL_SECONDS = MetricName.samples("failureDetectionAllSeconds", "s",
            "per crash: until every live member that knew it alive declared it dead");
    public static final MetricName FALSE_FAILURES = MetricName.counter("falseFailures",
            "declarations 'dead' about a member whose process was running");
    public static final MetricName FALSE_FAILURES_OF_HEALTHY_MEMBERS = MetricName.counter("falseFailuresOfHealthyMembers",
            "false failures of members not paused, slowed or partitioned shortly before");
    public static final MetricName MEMBERSHIP_CONVERGENCE_SECONDS = MetricName.samples("membershipConvergenceSeconds", "s",
            "per join: until every live member saw the joiner alive");
    public static final MetricName GOSSIP_MESSAGES_PER_MEMBER_PER_SECOND = MetricName.gauge(
            "gossipMessagesPerMemberPerSecond", "1/s", "messages sent per live member per second");

    public static final List<MetricName> ALL = List.of(FAILURE_DETECTION_FIRST_SECONDS, FAILURE_DETECTION_ALL_SECONDS,
            FALSE_FAILURES, FALSE_FAILURES_OF_HEALTHY_MEMBERS, MEMBERSHIP_CONVERGENCE_SECONDS,
            GOSSIP_MESSAGES_PER_MEMBER_PER_SECOND);
}
