package io.clustersim.raft.core;

import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.log.LogCommand;
import io.clustersim.raft.log.EntryPayload;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.RaftLog;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.log.Snapshot;
import io.clustersim.raft.membership.ChangeResult;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.membership.Suffrage;
import io.clustersim.raft.message.AppendEntries;
import io.clustersim.raft.message.AppendEntriesResponse;
import io.clustersim.raft.message.ClientMessage;
import io.clustersim.raft.message.InstallSnapshot;
import io.clustersim.raft.message.InstallSnapshotResponse;
import io.clustersim.raft.message.RequestVote;
import io.clustersim.raft.message.RequestVoteResponse;
import io.clustersim.raft.message.TimeoutNow;
import io.clustersim.raft.observe.RaftObserver;
import io.clustersim.raft.observe.RaftView;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.port.RaftPorts;
import io.clustersim.raft.port.RaftTimer;
import io.clustersim.raft.statemachine.StateMachine;
import io.clustersim.raft.storage.DurableImage;
import io.clustersim.raft.storage.PersistOp;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One Raft server, sans-IO. A host creates it with its ports, calls {@link #start()} once, then
 * feeds it every message addressed to it through {@link #handle}; timers it set call back by
 * themselves. A new instance is made for every process start; durable state comes back through
 * {@link io.clustersim.raft.port.RaftStorage#recover()}.
 *
 * <p>State follows the paper's Figure 2 (currentTerm, votedFor, log; commitIndex, lastApplied)
 * and hashicorp/raft's additions (known leader, lastContact, latest configuration).
 */
public final class RaftServer {
    final NodeId id;
    final RaftConfig config;
    final RaftPorts ports;
    final StateMachine fsm;
    final RaftObserver observer;
    final PersistenceQueue persistence;
    final Membership membership = new Membership();
    final Elections elections;
    final AppendReceiver receiver;
    final Replicator replicator;
    final Applier applier;
    final ClientRequests clients;
    final HostRequests host;
    final TimingDriver timing;
    /** Outcomes for the host, delivered once the current event has been handled. */
    private final java.util.ArrayDeque<Runnable> completions = new java.util.ArrayDeque<>();
    private final ServerView view = new ServerView(this);

    RaftLog log = new RaftLog();
    long currentTerm;
    long votedTerm;
    NodeId votedFor;
    Snapshot snapshot;
    Role role = Role.FOLLOWER;
    NodeId leaderId;
    /** Last successful contact from a leader, or vote granted (hashicorp's lastContact). */
    long lastContact = Long.MIN_VALUE / 4;
    long commitIndex;
    long lastApplied;
    /** Started by TimeoutNow: skips pre-vote and asks voters to ignore a known leader. */
    boolean candidateFromTransfer;
    private boolean started;

    public RaftServer(NodeId id, RaftConfig config, RaftPorts ports, StateMachine fsm, RaftObserver observer) {
        this.id = Objects.requireNonNull(id, "id");
        this.config = Objects.requireNonNull(config, "config");
        this.ports = Objects.requireNonNull(ports, "ports");
        this.fsm = Objects.requireNonNull(fsm, "fsm");
        this.observer = observer == null ? RaftObserver.NONE : observer;
        this.persistence = new PersistenceQueue(ports.storage());
        this.elections = new Elections(this);
        this.receiver = new AppendReceiver(this);
        this.replicator = new Replicator(this);
        this.applier = new Applier(this);
        this.clients = new ClientRequests(this);
        this.host = new HostRequests(this);
        this.timing = TimingDriver.create(this);
    }

    /** Recovers durable state and starts as a follower (paper, section 5.2). */
    public void start() {
        if (started) {
            throw new IllegalStateException(id + " already started");
        }
        started = true;
        DurableImage.RecoveredState r = ports.storage().recover();
        currentTerm = r.currentTerm();
        votedTerm = r.votedTerm();
        votedFor = r.votedFor();
        log = r.log();
        snapshot = r.snapshot();
        if (snapshot != null) {
            // The commit index is not persisted (hashicorp v1.7.3): restart from the snapshot and
            // learn the rest from the leader.
            fsm.restore(snapshot.state());
            commitIndex = snapshot.lastIndex();
            lastApplied = snapshot.lastIndex();
            membership.put(snapshot.configurationIndex(), snapshot.configuration());
        }
        for (long i = log.firstIndex(); i <= log.lastIndex(); i++) {
            if (log.entry(i).payload() instanceof EntryPayload.ConfigChange c) {
                membership.put(i, c.configuration());
            }
        }
        observer.serverStarted(id, view);
        if (log.size() > 0) {
            observer.logAppended(id, log.firstIndex(), log.lastIndex(), view);
        }
        timing.start();
        applier.start();
    }

    /** Handles a message addressed to this server: a Raft RPC or a client request. */
    public void handle(NodeId from, Message m) {
        if (m instanceof AppendEntries a) {
            receiver.onAppendEntries(from, a);
        } else if (m instanceof AppendEntriesResponse r) {
            replicator.onAppendResponse(from, r);
        } else if (m instanceof RequestVote r) {
            elections.onRequestVote(from, r);
        } else if (m instanceof RequestVoteResponse r) {
            elections.onVoteResponse(from, r);
        } else if (m instanceof InstallSnapshot s) {
            receiver.onInstallSnapshot(from, s);
        } else if (m instanceof InstallSnapshotResponse r) {
            replicator.onSnapshotResponse(from, r);
        } else if (m instanceof TimeoutNow t) {
            elections.onTimeoutNow(from, t);
        } else if (m instanceof ClientMessage c) {
            clients.onMessage(from, c);
        } else {
            throw new IllegalArgumentException("not a Raft message: " + m);
        }
        endOfEvent();
    }

    /** Every event ends by issuing pending writes and then telling the host what completed. */
    private void endOfEvent() {
        persistence.flush();
        while (!completions.isEmpty()) {
            completions.pollFirst().run();
        }
    }

    /** Queues an outcome for the host, to be delivered after the current event. */
    void complete(Runnable outcome) {
        completions.addLast(outcome);
    }

    // ---- API for hosts -------------------------------------------------------------------

    public NodeId id() {
        return id;
    }

    public RaftConfig config() {
        return config;
    }

    public RaftView view() {
        return view;
    }

    public boolean isLeader() {
        return role == Role.LEADER;
    }

    /**
     * Proposes a write on the leader, as a host's own RPC layer would (hashicorp's Apply).
     * Returns the entry's index, or -1 if this server is not the leader or is transferring.
     */
    public long propose(RequestId requestId, LogCommand command) {
        if (role != Role.LEADER || replicator.transferring()) {
            return -1;
        }
        long index = appendAsLeader(new EntryPayload.Write(requestId, command)).index();
        endOfEvent();
        return index;
    }

    /**
     * hashicorp's Apply: proposes {@code command} on the leader; {@code callback} hears when it is
     * applied (with the state machine's result) or that it failed.
     */
    public void apply(RequestId requestId, LogCommand command, ApplyCallback callback) {
        host.apply(requestId, command, callback);
        endOfEvent();
    }

    /** hashicorp's Barrier: {@code callback} hears once everything in the leader's log now is applied. */
    public void barrier(ApplyCallback callback) {
        host.barrier(callback);
        endOfEvent();
    }

    /**
     * hashicorp's BootstrapCluster: a server with no state writes term 1 and {@code configuration}
     * as the entry at index 1, term 1, and will campaign if it is a voter. Returns false (and does
     * nothing) if it has a log or a term already.
     */
    public boolean bootstrap(Configuration configuration) {
        if (log.lastIndex() > 0 || currentTerm > 0 || snapshot != null || configuration.voterCount() == 0) {
            return false;
        }
        currentTerm = 1;
        persistence.enqueue(new PersistOp.SaveTerm(1));
        LogEntry e = new LogEntry(1, 1, new EntryPayload.ConfigChange(configuration));
        appendEntries(List.of(e));
        endOfEvent();
        return true;
    }

    /** Whether this server has any Raft state yet (a bootstrapped or joined server has). */
    public boolean hasState() {
        return log.lastIndex() > 0 || currentTerm > 0 || snapshot != null;
    }

    /** Adds {@code server} as a voter, or promotes a non-voter (hashicorp AddVoter). */
    public ChangeResult addVoter(NodeId server) {
        return changeConfiguration(c -> c.with(server, Suffrage.VOTER));
    }

    /** Adds {@code server} as a non-voter; a no-op for a current member (hashicorp AddNonvoter). */
    public ChangeResult addNonVoter(NodeId server) {
        return changeConfiguration(c -> c.contains(server) ? c : c.with(server, Suffrage.NONVOTER));
    }

    /** Makes a voter a non-voter (hashicorp DemoteVoter). */
    public ChangeResult demoteVoter(NodeId server) {
        return changeConfiguration(c -> c.isVoter(server) ? c.with(server, Suffrage.NONVOTER) : c);
    }

    /** Removes {@code server} (hashicorp RemoveServer). A leader removing itself steps down once committed. */
    public ChangeResult removeServer(NodeId server) {
        return changeConfiguration(c -> c.without(server));
    }

    /**
     * Transfers leadership to {@code target}, or to the most up-to-date voter if null (thesis,
     * section 3.10; hashicorp LeadershipTransfer): catch it up, then send TimeoutNow. Writes and
     * configuration changes are refused meanwhile; it is abandoned after an election timeout.
     */
    public ChangeResult transferLeadership(NodeId target) {
        ChangeResult r = role != Role.LEADER ? ChangeResult.NOT_LEADER : replicator.startTransfer(target);
        endOfEvent();
        return r;
    }

    /**
     * One server at a time, at most one uncommitted configuration, and only after the leader has
     * committed an entry of its own term (the fix to single-server changes in Ongaro's errata).
     */
    private ChangeResult changeConfiguration(UnaryOperator<Configuration> change) {
        if (role != Role.LEADER) {
            return ChangeResult.NOT_LEADER;
        }
        if (replicator.transferring() || membership.latestIndex() > commitIndex
                || commitIndex < replicator.termStartIndex()) {
            return ChangeResult.BUSY;
        }
        Configuration latest = membership.latest();
        Configuration next = change.apply(latest);
        if (next.equals(latest) || next.voterCount() == 0) {
            return ChangeResult.INVALID;
        }
        appendAsLeader(new EntryPayload.ConfigChange(next));
        endOfEvent();
        return ChangeResult.ACCEPTED;
    }

    // ---- shared by the parts --------------------------------------------------------------

    long now() {
        return ports.timers().now();
    }

    UniformRandomProvider random() {
        return ports.random();
    }

    void send(NodeId to, Message m) {
        ports.transport().send(to, m);
    }

    /** Sends {@code m} once everything issued so far is durable (answers to votes and appends). */
    void reply(NodeId to, Message m) {
        persistence.afterDurable(() -> send(to, m));
    }

    /** Sets a timer whose action ends, like a message handler, by issuing pending writes. */
    RaftTimer setTimer(String name, long delayNanos, Runnable action) {
        return ports.timers().set(name, delayNanos, () -> {
            action.run();
            endOfEvent();
        });
    }

    /** hashicorp's randomTimeout(d): uniform in [d, 2d). */
    long randomTimeout(long d) {
        return d + (d <= 0 ? 0 : random().nextLong(d));
    }

    boolean canCampaign() {
        Configuration latest = membership.latest();
        return !latest.isEmpty() && latest.isVoter(id);
    }

    /** Paper, section 5.1: a newer term makes any server a follower in that term. */
    void adoptTerm(long term) {
        if (term <= currentTerm) {
            return;
        }
        currentTerm = term;
        persistence.enqueue(new PersistOp.SaveTerm(term));
        leaderId = null;
        becomeFollower();
    }

    void becomeFollower() {
        Role old = role;
        if (old == Role.LEADER) {
            replicator.stop();
            clients.leadershipLost();
            host.leadershipLost();
            // hashicorp sets lastContact on stepping down so the old leader does not look stale.
            lastContact = now();
            if (id.equals(leaderId)) {
                leaderId = null;
            }
        }
        if (old == Role.CANDIDATE) {
            elections.stop();
        }
        candidateFromTransfer = false;
        role = Role.FOLLOWER;
        timing.becomeFollower(old);
        if (old != Role.FOLLOWER) {
            observer.roleChanged(id, currentTerm, old, Role.FOLLOWER);
        }
    }

    void becomeCandidate() {
        if (role != Role.CANDIDATE) {
            Role old = role;
            role = Role.CANDIDATE;
            observer.roleChanged(id, currentTerm, old, Role.CANDIDATE);
        }
    }

    /** Won an election: start replicating and append a no-op to commit earlier entries (section 8). */
    void becomeLeader() {
        Role old = role;
        elections.stop();
        candidateFromTransfer = false;
        role = Role.LEADER;
        leaderId = id;
        replicator.start();
        timing.becomeLeader();
        observer.roleChanged(id, currentTerm, old, Role.LEADER);
        observer.leaderElected(id, currentTerm, view);
        appendAsLeader(new EntryPayload.NoOp());
    }

    /** Appends a new entry of the current term to the leader's log; replicated once durable. */
    LogEntry appendAsLeader(EntryPayload payload) {
        LogEntry e = new LogEntry(log.lastIndex() + 1, currentTerm, payload);
        appendEntries(List.of(e));
        long term = currentTerm;
        persistence.afterDurable(() -> replicator.localDurable(e.index(), term));
        return e;
    }

    /** Appends entries (already checked to follow the log) in memory and queues their write. */
    void appendEntries(List<LogEntry> entries) {
        for (LogEntry e : entries) {
            log.append(e);
            if (e.payload() instanceof EntryPayload.ConfigChange c) {
                membership.put(e.index(), c.configuration());
                observer.configurationChanged(id, e.index(), c.configuration());
                if (role == Role.LEADER) {
                    replicator.syncPeers();
                }
            }
        }
        persistence.enqueue(new PersistOp.Append(entries));
        observer.logAppended(id, entries.get(0).index(), entries.get(entries.size() - 1).index(), view);
    }

    /** Deletes a conflicting suffix (paper, section 5.3) and any configuration in it. */
    void truncateLog(long fromIndex) {
        log.truncateFrom(fromIndex);
        persistence.enqueue(new PersistOp.TruncateFrom(fromIndex));
        observer.logTruncated(id, fromIndex);
        if (membership.truncateFrom(fromIndex)) {
            observer.configurationChanged(id, membership.latestIndex(), membership.latest());
        }
    }

    @Override
    public String toString() {
        return id + "[" + role + " t" + currentTerm + " last=" + log.lastIndex() + " commit=" + commitIndex + "]";
    }
}
