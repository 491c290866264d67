package io.clustersim.gossip.serf;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.config.SerfConfig;
import io.clustersim.gossip.memberlist.Memberlist;
import io.clustersim.gossip.message.GossipMessage;
import io.clustersim.gossip.message.LeaveIntent;
import io.clustersim.gossip.message.Tags;
import io.clustersim.gossip.observe.GossipObserver;
import io.clustersim.gossip.port.GossipPorts;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.IntConsumer;

/**
 * One Serf agent: a memberlist plus member statuses, intents, reaping and reconnecting. A sans-IO
 * component: the host calls {@link #handle} with every {@link GossipMessage} it receives and
 * otherwise lets the agent's timers run.
 *
 * <pre>{@code
 * Serf serf = new Serf("server-1.global", tags, GossipConfig.lan(), ports, observer);
 * serf.start();
 * serf.join(List.of(seedAddress), joined -> {});
 * // on a message: if (msg instanceof GossipMessage g) serf.handle(from, g);
 * }</pre>
 */
public final class Serf {
    private final String name;
    private final GossipConfig config;
    private final GossipPorts ports;
    private final GossipObserver observer;
    private final SerfMembers table;
    private final Memberlist memberlist;
    private SortedMap<String, String> tags;
    private SerfState state = SerfState.ALIVE;
    private Timer reapTimer;
    private Timer reconnectTimer;

    public Serf(String name, Map<String, String> tags, GossipConfig config, GossipPorts ports, GossipObserver observer) {
        this.name = Objects.requireNonNull(name, "name");
        this.tags = Tags.copyOf(tags);
        this.config = Objects.requireNonNull(config, "config");
        this.ports = Objects.requireNonNull(ports, "ports");
        this.observer = observer == null ? GossipObserver.NONE : observer;
        this.table = new SerfMembers(this, config.memberlist().retransmitMult());
        this.memberlist = new Memberlist(name, this.tags, config.memberlist(), ports, table, this.observer);
    }

    /** Starts memberlist (self alive) and the reaper and reconnect loops. */
    public void start() {
        memberlist.start();
        SerfConfig s = config.serf();
        reapTimer = ports.setTimer("serf.reap", s.reapInterval().toNanos(), this::reapTick);
        reconnectTimer = ports.setTimer("serf.reconnect", s.reconnectInterval().toNanos(), this::reconnectTick);
    }

    /**
     * Joins the pool through {@code seeds} (memberlist push-pull with each), then announces itself
     * with a join intent; {@code onDone} gets how many seeds answered.
     */
    public void join(List<NodeId> seeds, IntConsumer onDone) {
        memberlist.join(seeds, joined -> {
            if (joined > 0 && state != SerfState.SHUTDOWN) {
                table.broadcastJoin(table.clock.time());
            }
            onDone.accept(joined);
        });
    }

    /** Starts already knowing a member as alive (see {@link Memberlist#addKnownMember}). */
    public void addKnownMember(String member, NodeId address, Map<String, String> memberTags) {
        memberlist.addKnownMember(member, address, memberTags);
    }

    /**
     * Leaves gracefully (serf {@code Leave}): a leave intent, broadcast until sent
     * (at most BroadcastTimeout); memberlist's own leave, likewise; then LeavePropagateDelay so
     * the news spreads while we still answer probes. {@code onDone} runs after that; the host
     * then calls {@link #shutdown()}. A timeout does not abort the leave here (serf would return
     * an error); the departure proceeds, as an agent's shutdown would follow anyway.
     */
    public void leave(Runnable onDone) {
        if (state != SerfState.ALIVE) {
            onDone.run();
            return;
        }
        state = SerfState.LEAVING;
        LeaveIntent msg = new LeaveIntent(name, table.clock.time());
        table.clock.increment();
        table.handleLeaveIntent(msg);
        long timeout = config.serf().broadcastTimeout().toNanos();
        Runnable afterIntent = () -> memberlist.leave(timeout, () -> ports.setTimer("serf.leavePropagate",
                config.serf().leavePropagateDelay().toNanos(), () -> {
                    if (state != SerfState.SHUTDOWN) {
                        state = SerfState.LEFT;
                    }
                    onDone.run();
                }));
        if (!table.hasAliveMembers()) {
            afterIntent.run();
            return;
        }
        Timer[] timer = new Timer[1];
        boolean[] done = new boolean[1];
        Runnable once = () -> {
            if (!done[0]) {
                done[0] = true;
                if (timer[0] != null) {
                    timer[0].cancel();
                }
                afterIntent.run();
            }
        };
        table.broadcasts.queue(msg, null, once);
        timer[0] = ports.setTimer("serf.leaveTimeout", timeout, once);
    }

    /**
     * Force-leave (serf {@code RemoveFailedNode}): marks a failed member as having left, here and,
     * through a leave intent broadcast on its behalf, everywhere, so that it is reaped after the
     * tombstone timeout instead of being reconnected to for the reconnect timeout. A member that
     * is alive refutes the intent with a join intent.
     */
    public void forceLeave(String member) {
        if (state == SerfState.SHUTDOWN) {
            return;
        }
        LeaveIntent msg = new LeaveIntent(member, table.clock.time());
        table.clock.increment();
        table.handleLeaveIntent(msg);
        if (table.hasAliveMembers()) {
            table.broadcasts.queue(msg, null, null);
        }
    }

    /** Stops everything; messages are ignored afterwards. */
    public void shutdown() {
        state = SerfState.SHUTDOWN;
        memberlist.shutdown();
        table.broadcasts.clear();
        if (reapTimer != null) {
            reapTimer.cancel();
        }
        if (reconnectTimer != null) {
            reconnectTimer.cancel();
        }
    }

    /** New tags; members see an update event (serf {@code SetTags}). */
    public void setTags(Map<String, String> newTags) {
        tags = Tags.copyOf(newTags);
        memberlist.updateTags(tags);
    }

    /** Handles a gossip message from {@code from}. */
    public void handle(NodeId from, GossipMessage msg) {
        if (state != SerfState.SHUTDOWN) {
            memberlist.handle(from, msg);
        }
    }

    private void reapTick() {
        SerfConfig s = config.serf();
        reapTimer = ports.setTimer("serf.reap", s.reapInterval().toNanos(), this::reapTick);
        table.reap(ports.now(), s.tombstoneTimeout().toNanos(), s.reconnectTimeout().toNanos(),
                s.recentIntentTimeout().toNanos());
    }

    /**
     * With probability failed/alive, try to rejoin one random failed member (serf
     * {@code reconnect}): this is what re-merges a healed partition. Few failures among many
     * live members make it rare per member, but the pool as a whole still tries about once per
     * interval.
     */
    private void reconnectTick() {
        reconnectTimer = ports.setTimer("serf.reconnect", config.serf().reconnectInterval().toNanos(), this::reconnectTick);
        int numFailed = table.failedMembers.size();
        if (numFailed == 0) {
            return;
        }
        int numAlive = table.members.size() - numFailed - table.leftMembers.size();
        if (numAlive <= 0) {
            numAlive = 1;
        }
        double probability = (double) numFailed / numAlive;
        if (ports.random().nextDouble() > probability) {
            return;
        }
        MemberRecord target = table.failedMembers.get(ports.random().nextInt(numFailed));
        memberlist.join(List.of(target.address), joined -> {});
    }

    // ----- views -----

    public String name() {
        return name;
    }

    public SerfState state() {
        return state;
    }

    public SortedMap<String, String> tags() {
        return tags;
    }

    public GossipConfig config() {
        return config;
    }

    /** The memberlist underneath, for its view of states and incarnations. */
    public Memberlist memberlist() {
        return memberlist;
    }

    /** Every member Serf knows (reaped ones are gone), by name. */
    public List<Member> members() {
        List<Member> out = new ArrayList<>(table.members.size());
        for (MemberRecord m : table.members.values()) {
            out.add(m.snapshot());
        }
        return out;
    }

    public Optional<Member> member(String member) {
        MemberRecord m = table.members.get(member);
        return m == null ? Optional.empty() : Optional.of(m.snapshot());
    }

    /** Members with tag {@code key} = {@code value}, e.g. the Nomad servers of a region. */
    public List<Member> membersWithTag(String key, String value) {
        List<Member> out = new ArrayList<>();
        for (MemberRecord m : table.members.values()) {
            if (value.equals(m.tags.get(key))) {
                out.add(m.snapshot());
            }
        }
        return out;
    }

    GossipPorts ports() {
        return ports;
    }

    GossipObserver observer() {
        return observer;
    }
}
