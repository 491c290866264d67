package io.clustersim.gossip.process;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.message.GossipMessage;
import io.clustersim.gossip.message.Tags;
import io.clustersim.gossip.observe.GossipObserver;
import io.clustersim.gossip.port.NodeContextPorts;
import io.clustersim.gossip.serf.Serf;
import io.clustersim.gossip.serf.SerfState;
import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Process;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * A kernel process running one Serf agent. A new instance is made for each start (the kernel's
 * contract), so a restarted member comes back with fresh state and incarnation 1 and must rejoin;
 * its old incarnation number is then refuted away by the pool.
 */
public final class SerfProcess implements Process {
    /** The node's random stream for gossip. */
    public static final String RANDOM_STREAM = "serf";

    private final String memberName;
    private final SortedMap<String, String> tags;
    private final GossipConfig config;
    private final Startup startup;
    private final GossipObserver observer;
    private NodeContext ctx;
    private Serf serf;

    public SerfProcess(String memberName, Map<String, String> tags, GossipConfig config, Startup startup,
            GossipObserver observer) {
        this.memberName = Objects.requireNonNull(memberName, "memberName");
        this.tags = Tags.copyOf(tags);
        this.config = Objects.requireNonNull(config, "config");
        this.startup = Objects.requireNonNull(startup, "startup");
        this.observer = observer == null ? GossipObserver.NONE : observer;
    }

    @Override
    public void start(NodeContext context) {
        this.ctx = context;
        long startupDelay = startup instanceof Startup.JoinSeeds j
                ? j.agentStartupNanos().sampler(context.random("agent.startup")).sampleNanos() : 0;
        if (startupDelay > 0) {
            // Until the agent is up, its gossip port is closed: messages to it are lost.
            context.setTimer("agent.startup", startupDelay, this::startAgent);
        } else {
            startAgent();
        }
    }

    private void startAgent() {
        serf = new Serf(memberName, tags, config, new NodeContextPorts(ctx, RANDOM_STREAM), observer);
        if (startup instanceof Startup.PreJoined) {
            // Known members go in before the loops start, so the first probe already has targets.
            for (Startup.Peer p : ((Startup.PreJoined) startup).peers()) {
                if (!p.name().equals(memberName)) {
                    serf.addKnownMember(p.name(), p.address(), p.tags());
                }
            }
        }
        serf.start();
        if (startup instanceof Startup.JoinSeeds) {
            join((Startup.JoinSeeds) startup);
        }
    }

    private void join(Startup.JoinSeeds seeds) {
        serf.join(seeds.seeds(), joined -> {
            if (joined == 0 && seeds.retryIntervalNanos() > 0 && serf.state() == SerfState.ALIVE) {
                ctx.setTimer("serf.retryJoin", seeds.retryIntervalNanos(), () -> join(seeds));
            }
        });
    }

    @Override
    public void onMessage(NodeId from, Message message) {
        if (!(message instanceof GossipMessage) || serf == null) {
            return;
        }
        // A slow machine (the Lifeguard experiment) is the kernel's Node.setProcessingDelay.
        serf.handle(from, (GossipMessage) message);
    }

    /** The agent (for views and for leave); null before start and while the agent starts up. */
    public Serf serf() {
        return serf;
    }

    public String memberName() {
        return memberName;
    }
}
