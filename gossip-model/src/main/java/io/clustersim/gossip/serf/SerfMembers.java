package io.clustersim.gossip.serf;

import io.clustersim.gossip.memberlist.MemberlistDelegate;
import io.clustersim.gossip.memberlist.NodeInfo;
import io.clustersim.gossip.memberlist.TransmitLimitedQueue;
import io.clustersim.gossip.message.JoinIntent;
import io.clustersim.gossip.message.LeaveIntent;
import io.clustersim.gossip.message.SerfPushPull;
import io.clustersim.gossip.message.Update;
import io.clustersim.gossip.message.UserState;
import io.clustersim.gossip.observe.SerfEvent;
import io.clustersim.gossip.observe.SerfEventType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Serf's member table and its reactions to memberlist (serf {@code serf.go} {@code handleNodeJoin},
 * {@code handleNodeLeave}, {@code handleNodeUpdate}, {@code handleNodeLeaveIntent},
 * {@code handleNodeJoinIntent}, {@code reap}; {@code delegate.go} {@code LocalState},
 * {@code MergeRemoteState}). memberlist only knows alive or gone; the intents tell Serf whether
 * "gone" means left (announced) or failed.
 */
final class SerfMembers implements MemberlistDelegate {
    private enum IntentType { JOIN, LEAVE }

    /** An intent about a member not known yet; serf keeps one per member, the newest. */
    private record Intent(IntentType type, long ltime, long time) {}

    private final Serf serf;
    final LamportClock clock = new LamportClock();
    final SortedMap<String, MemberRecord> members = new TreeMap<>();
    final List<MemberRecord> failedMembers = new ArrayList<>();
    final List<MemberRecord> leftMembers = new ArrayList<>();
    private final Map<String, Intent> recentIntents = new TreeMap<>();
    final TransmitLimitedQueue broadcasts;

    SerfMembers(Serf serf, int retransmitMult) {
        this.serf = serf;
        this.broadcasts = new TransmitLimitedQueue(members::size, retransmitMult);
        clock.increment(); // serf starts its clocks at 1
    }

    @Override
    public void notifyJoin(NodeInfo n) {
        MemberRecord m = members.get(n.name());
        MemberStatus old;
        if (m == null) {
            old = MemberStatus.NONE;
            m = new MemberRecord(n.name(), n.address(), n.tags(), MemberStatus.ALIVE);
            // An intent may have arrived before memberlist knew the member.
            Intent intent = recentIntents.get(n.name());
            if (intent != null && intent.type == IntentType.JOIN) {
                m.statusLTime = intent.ltime;
            } else if (intent != null) {
                m.status = MemberStatus.LEAVING;
                m.statusLTime = intent.ltime;
            }
            members.put(n.name(), m);
        } else {
            old = m.status;
            m.status = MemberStatus.ALIVE;
            m.leaveTime = 0;
            m.address = n.address();
            m.tags = n.tags();
        }
        if (old == MemberStatus.FAILED || old == MemberStatus.LEFT) {
            failedMembers.remove(m);
            leftMembers.remove(m);
        }
        emit(SerfEventType.MEMBER_JOIN, m);
    }

    @Override
    public void notifyLeave(NodeInfo n) {
        MemberRecord m = members.get(n.name());
        if (m == null) {
            return;
        }
        if (m.status == MemberStatus.LEAVING) {
            m.status = MemberStatus.LEFT;
            m.leaveTime = serf.ports().now();
            leftMembers.add(m);
            emit(SerfEventType.MEMBER_LEAVE, m);
        } else if (m.status == MemberStatus.ALIVE) {
            m.status = MemberStatus.FAILED;
            m.leaveTime = serf.ports().now();
            failedMembers.add(m);
            emit(SerfEventType.MEMBER_FAILED, m);
        }
    }

    @Override
    public void notifyUpdate(NodeInfo n) {
        MemberRecord m = members.get(n.name());
        if (m == null) {
            return;
        }
        m.address = n.address();
        m.tags = n.tags();
        emit(SerfEventType.MEMBER_UPDATE, m);
    }

    @Override
    public void notifyUserUpdate(Update update) {
        boolean rebroadcast;
        if (update instanceof LeaveIntent) {
            rebroadcast = handleLeaveIntent((LeaveIntent) update);
        } else if (update instanceof JoinIntent) {
            rebroadcast = handleJoinIntent((JoinIntent) update);
        } else {
            throw new IllegalArgumentException("not a Serf update: " + update);
        }
        if (rebroadcast) {
            broadcasts.queue(update, null, null);
        }
    }

    /** Applies a leave intent; true when it was news worth re-broadcasting. */
    boolean handleLeaveIntent(LeaveIntent msg) {
        clock.witness(msg.ltime());
        MemberRecord m = members.get(msg.node());
        if (m == null) {
            return upsertIntent(msg.node(), IntentType.LEAVE, msg.ltime());
        }
        if (msg.ltime() <= m.statusLTime) {
            return false;
        }
        if (msg.node().equals(serf.name()) && serf.state() == SerfState.ALIVE) {
            // An old leave of ours is going around: refute it with a fresh join intent.
            broadcastJoin(clock.time());
            return false;
        }
        m.statusLTime = msg.ltime();
        switch (m.status) {
            case ALIVE:
                m.status = MemberStatus.LEAVING;
                return true;
            case FAILED:
                // A failed member that announced its leave is left after all; listing it as left
                // lets a later push-pull clear it from others' failed lists too.
                m.status = MemberStatus.LEFT;
                failedMembers.remove(m);
                leftMembers.add(m);
                emit(SerfEventType.MEMBER_LEAVE, m);
                return true;
            case LEAVING:
            case LEFT:
                return true;
            default:
                return false;
        }
    }

    /** Applies a join intent; true when it was news worth re-broadcasting. */
    boolean handleJoinIntent(JoinIntent msg) {
        clock.witness(msg.ltime());
        MemberRecord m = members.get(msg.node());
        if (m == null) {
            return upsertIntent(msg.node(), IntentType.JOIN, msg.ltime());
        }
        if (msg.ltime() <= m.statusLTime) {
            return false;
        }
        m.statusLTime = msg.ltime();
        if (m.status == MemberStatus.LEAVING) {
            // The leave we saw was older than this join.
            m.status = MemberStatus.ALIVE;
        }
        return true;
    }

    void broadcastJoin(long ltime) {
        JoinIntent msg = new JoinIntent(serf.name(), ltime);
        clock.witness(ltime);
        handleJoinIntent(msg);
        broadcasts.queue(msg, null, null);
    }

    private boolean upsertIntent(String node, IntentType type, long ltime) {
        Intent existing = recentIntents.get(node);
        if (existing == null || ltime > existing.ltime) {
            recentIntents.put(node, new Intent(type, ltime, serf.ports().now()));
            return true;
        }
        return false;
    }

    @Override
    public List<Update> getBroadcasts(int overhead, int limit) {
        return broadcasts.getBroadcasts(overhead, limit);
    }

    @Override
    public boolean mayHaveBroadcasts() {
        return broadcasts.size() > 0;
    }

    @Override
    public UserState localState(boolean join) {
        // Copying the sorted table and then swapping each record for its status time takes linear
        // time; a put per member would take n log n, on every push-pull of a large pool.
        TreeMap<String, Object> times = new TreeMap<>(members);
        times.replaceAll((name, m) -> ((MemberRecord) m).statusLTime);
        @SuppressWarnings("unchecked")
        SortedMap<String, Long> statusLTimes = (SortedMap<String, Long>) (SortedMap<String, ?>) times;
        List<String> left = new ArrayList<>();
        for (MemberRecord m : leftMembers) {
            left.add(m.name);
        }
        return new SerfPushPull(clock.time(), statusLTimes, left);
    }

    @Override
    public void mergeRemoteState(UserState state, boolean join) {
        SerfPushPull pp = (SerfPushPull) state;
        if (pp.ltime() > 0) {
            // Nothing was sent at the remote's current time yet, hence the minus one.
            clock.witness(pp.ltime() - 1);
        }
        // Leaves first, so that the Lamport times move in the right order.
        Set<String> left = new TreeSet<>(pp.leftMembers());
        for (String name : pp.leftMembers()) {
            handleLeaveIntent(new LeaveIntent(name, pp.statusLTimes().getOrDefault(name, 0L)));
        }
        for (Map.Entry<String, Long> e : pp.statusLTimes().entrySet()) {
            if (!left.contains(e.getKey())) {
                handleJoinIntent(new JoinIntent(e.getKey(), e.getValue()));
            }
        }
    }

    /** Erases left and failed members past their timeouts, with a reap event each. */
    void reap(long now, long tombstoneNanos, long reconnectNanos, long recentIntentNanos) {
        reapList(leftMembers, now, tombstoneNanos);
        reapList(failedMembers, now, reconnectNanos);
        recentIntents.values().removeIf(i -> now - i.time > recentIntentNanos);
    }

    private void reapList(List<MemberRecord> list, long now, long timeoutNanos) {
        for (Iterator<MemberRecord> it = list.iterator(); it.hasNext();) {
            MemberRecord m = it.next();
            if (now - m.leaveTime <= timeoutNanos) {
                continue;
            }
            it.remove();
            members.remove(m.name);
            emit(SerfEventType.MEMBER_REAP, m);
        }
    }

    boolean hasAliveMembers() {
        for (MemberRecord m : members.values()) {
            if (!m.name.equals(serf.name()) && m.status == MemberStatus.ALIVE) {
                return true;
            }
        }
        return false;
    }

    private void emit(SerfEventType type, MemberRecord m) {
        serf.observer().onSerfEvent(new SerfEvent(serf.ports().now(), serf.name(), type, m.name, m.tags));
    }
}
