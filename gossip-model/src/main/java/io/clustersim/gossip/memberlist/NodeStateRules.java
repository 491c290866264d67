package io.clustersim.gossip.memberlist;

import io.clustersim.gossip.message.Alive;
import io.clustersim.gossip.message.Dead;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.message.PushNodeState;
import io.clustersim.gossip.message.Suspect;
import io.clustersim.gossip.observe.Cause;
import io.clustersim.gossip.observe.Confirmation;
import io.clustersim.gossip.observe.Refutation;
import io.clustersim.gossip.observe.StateChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How alive, suspect and dead messages change one memberlist's view (memberlist {@code state.go}
 * {@code aliveNode}, {@code suspectNode}, {@code deadNode}, {@code refute}, {@code mergeState}).
 * Incarnation numbers order the news about a member: only the member itself
 * raises its incarnation, so a higher one always carries its own, fresher word.
 */
final class NodeStateRules {
    private final Memberlist m;
    private final Map<String, Suspicion> suspicions = new TreeMap<>();

    NodeStateRules(Memberlist m) {
        this.m = m;
    }

    /**
     * Applies "alive". About another member: accepted only with a higher incarnation than known,
     * and then re-broadcast. About self: an alive message that differs from what we are (an old
     * incarnation of us after a restart, say) is refuted.
     *
     * @param bootstrap our own alive at start or on a tag change: applied, not refuted
     * @param broadcast false to learn a member quietly (the harness's pre-joined start)
     * @param notify    run when the resulting broadcast has been sent its last time
     */
    void aliveNode(Alive a, boolean bootstrap, boolean broadcast, Runnable notify, Cause cause) {
        boolean isLocal = a.node().equals(m.name);
        if (m.hasLeft() && isLocal) {
            // An alive about us still in flight must not undo our leave.
            return;
        }
        NodeState state = m.nodes.get(a.node());
        boolean isNew = false;
        boolean updatesNode = false;
        if (state == null) {
            // A new member enters as dead so that becoming alive counts as a join.
            state = new NodeState(a.node(), a.address(), 0, MemberState.DEAD, m.ports.now(), a.tags());
            m.nodes.add(state, m.rng);
            isNew = true;
        } else if (!state.address.equals(a.address())) {
            // Another address under a known name: only a left member's name may be reclaimed
            // (DeadNodeReclaimTime defaults to 0, which never reclaims a dead one).
            if (state.state != MemberState.LEFT) {
                return;
            }
            updatesNode = true;
        }
        if (a.incarnation() <= state.incarnation && !isLocal && !updatesNode) {
            return;
        }
        if (a.incarnation() < state.incarnation && isLocal) {
            return;
        }
        cancelSuspicion(a.node());
        MemberState oldState = state.state;
        Map<String, String> oldTags = state.tags;
        if (!bootstrap && isLocal) {
            if (a.incarnation() == state.incarnation && a.tags().equals(state.tags)) {
                return;
            }
            refute(state, a.incarnation(), MemberState.ALIVE);
        } else {
            if (broadcast) {
                m.queueBroadcast(a.node(), a, notify);
            }
            state.incarnation = a.incarnation();
            state.tags = a.tags();
            state.address = a.address();
            m.nodes.touched();
            if (state.state != MemberState.ALIVE) {
                m.nodes.setState(state, MemberState.ALIVE);
                state.stateChange = m.ports.now();
                changed(state, isNew ? null : oldState, cause);
            }
        }
        if (oldState.deadOrLeft()) {
            m.delegate.notifyJoin(state.info());
        } else if (!oldTags.equals(state.tags)) {
            m.delegate.notifyUpdate(state.info());
        }
    }

    /**
     * Applies "suspect". Ignored below the known incarnation; if a suspicion is already running it
     * only counts as a confirmation (re-gossiped when new, so that independent confirmations
     * spread); about self it is refuted; otherwise an alive member becomes suspect and its
     * suspicion timer starts.
     */
    void suspectNode(Suspect s, Cause cause) {
        NodeState state = m.nodes.get(s.node());
        if (state == null || s.incarnation() < state.incarnation) {
            return;
        }
        Suspicion running = suspicions.get(s.node());
        if (running != null) {
            if (running.confirm(s.from())) {
                m.queueBroadcast(s.node(), s, null);
                m.observer.onSuspicionConfirmed(new Confirmation(m.ports.now(), m.name, s.node(), s.from(),
                        running.confirmations()));
            }
            return;
        }
        if (state.state != MemberState.ALIVE) {
            return;
        }
        if (state.name.equals(m.name)) {
            refute(state, s.incarnation(), MemberState.SUSPECT);
            return;
        }
        m.queueBroadcast(s.node(), s, null);
        state.incarnation = s.incarnation();
        m.nodes.setState(state, MemberState.SUSPECT); // touches the table too
        long changeTime = m.ports.now();
        state.stateChange = changeTime;
        changed(state, MemberState.ALIVE, cause);

        int n = m.numNodes();
        // Lifeguard off is SWIM: no confirmations expected, so the timeout is fixed at the minimum.
        int k = m.config.lifeguard() ? MemberlistFormulas.expectedConfirmations(m.config.suspicionMult(), n) : 0;
        long min = MemberlistFormulas.suspicionTimeoutNanos(m.config.suspicionMult(), n, m.probeIntervalNanos);
        long max = m.config.suspicionMaxTimeoutMult() * min;
        String node = s.node();
        suspicions.put(node, new Suspicion(s.from(), k, min, max, m.ports, () -> suspicionExpired(node, changeTime)));
    }

    private void suspicionExpired(String node, long changeTime) {
        NodeState state = m.nodes.get(node);
        // Only if nothing happened since: a refutation or a new state would have changed the time.
        if (state != null && state.state == MemberState.SUSPECT && state.stateChange == changeTime) {
            deadNode(new Dead(node, state.incarnation, m.name), null, Cause.SUSPICION_TIMEOUT);
        }
    }

    /**
     * Applies "dead". Ignored below the known incarnation or when already dead or left; about
     * self it is refuted unless we are leaving. A dead message sent by the member itself means it
     * left.
     */
    void deadNode(Dead d, Runnable notify, Cause cause) {
        NodeState state = m.nodes.get(d.node());
        if (state == null || d.incarnation() < state.incarnation) {
            return;
        }
        cancelSuspicion(d.node());
        if (state.state.deadOrLeft()) {
            return;
        }
        if (state.name.equals(m.name)) {
            if (!m.hasLeft()) {
                refute(state, d.incarnation(), MemberState.DEAD);
                return;
            }
            m.queueBroadcast(d.node(), d, notify);
        } else {
            m.queueBroadcast(d.node(), d, null);
        }
        MemberState old = state.state;
        state.incarnation = d.incarnation();
        m.nodes.setState(state, d.isLeave() ? MemberState.LEFT : MemberState.DEAD); // touches the table too
        state.stateChange = m.ports.now();
        changed(state, old, cause);
        m.delegate.notifyLeave(state.info());
    }

    /**
     * Merges a push-pull peer's member list. A remote "dead" only makes us suspect: the member gets
     * a chance to refute before we believe it (memberlist {@code mergeState}).
     */
    void mergeState(List<PushNodeState> remote) {
        for (PushNodeState r : remote) {
            switch (r.state()) {
                case ALIVE:
                    aliveNode(new Alive(r.name(), r.address(), r.incarnation(), r.tags()), false, true, null,
                            Cause.PUSH_PULL);
                    break;
                case LEFT:
                    deadNode(new Dead(r.name(), r.incarnation(), r.name()), null, Cause.PUSH_PULL);
                    break;
                case DEAD:
                case SUSPECT:
                    suspectNode(new Suspect(r.name(), r.incarnation(), m.name), Cause.PUSH_PULL);
                    break;
                default:
                    throw new IllegalStateException("unknown state " + r.state());
            }
        }
    }

    /**
     * Beats an accusation: incarnation becomes {@code max(own+1, accused+1)}, broadcast alive, and
     * (Lifeguard) count it against our own health, since being suspected hints we are slow.
     */
    private void refute(NodeState self, long accused, MemberState accusation) {
        long inc = m.nextIncarnation();
        if (accused >= inc) {
            inc = m.skipIncarnation(accused - inc + 1);
        }
        self.incarnation = inc;
        m.nodes.touched();
        m.awareness.applyDelta(1);
        m.queueBroadcast(self.name, new Alive(self.name, self.address, inc, self.tags), null);
        m.observer.onRefutation(new Refutation(m.ports.now(), self.name, accused, inc, accusation));
    }

    private void changed(NodeState state, MemberState previous, Cause cause) {
        m.observer.onStateChange(new StateChange(m.ports.now(), m.name, state.name, previous, state.state, state.incarnation,
                cause));
    }

    private void cancelSuspicion(String node) {
        Suspicion s = suspicions.remove(node);
        if (s != null) {
            s.cancel();
        }
    }

    /** Confirmations counted so far for a running suspicion of {@code node}, or -1 if none runs. */
    int confirmations(String node) {
        Suspicion s = suspicions.get(node);
        return s == null ? -1 : s.confirmations();
    }

    void cancelAll() {
        for (Suspicion s : new ArrayList<>(suspicions.values())) {
            s.cancel();
        }
        suspicions.clear();
    }
}
