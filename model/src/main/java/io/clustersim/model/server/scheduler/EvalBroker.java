package io.clustersim.model.server.scheduler;

import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.Timer;
import io.clustersim.model.capacity.WorkCosts;
import io.clustersim.model.server.WriteIds;
import io.clustersim.model.server.fsm.NomadCommand;
import io.clustersim.model.server.fsm.NomadStateMachine;
import io.clustersim.model.structs.EvalStatus;
import io.clustersim.model.structs.EvalTrigger;
import io.clustersim.model.structs.Evaluation;
import io.clustersim.raft.core.ApplyCallback;
import io.clustersim.raft.core.ApplyError;
import io.clustersim.raft.core.RaftServer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The leader's evaluation broker and its scheduling worker (nomad {@code nomad/eval_broker.go},
 * {@code blocked_evals.go}, {@code worker.go}, {@code plan_apply.go}), on the leader only:
 *
 * <ul>
 *   <li>pending evaluations queue by job, first come first served; one job is scheduled at a
 *       time, and its other pending evaluations are completed with the plan (Nomad cancels
 *       duplicate evaluations of a job the same way);
 *   <li>a plan is applied through Raft before the next evaluation is taken;
 *   <li>a blocked evaluation waits, one per job, until capacity changes (a node becomes ready or
 *       allocations end), then is queued again without a Raft write, as Nomad's blocked-evals
 *       tracker does;
 *   <li>when unknown allocations' disconnect windows run out, a follow-up evaluation is written.
 * </ul>
 */
public final class EvalBroker {
    private final NodeContext ctx;
    private final RaftServer raft;
    private final NomadStateMachine fsm;
    private final Ids ids;
    private final WriteIds writes;
    private final UniformRandomProvider random;
    private final Map<String, List<Evaluation>> pendingByJob = new LinkedHashMap<>();
    private final Deque<String> ready = new ArrayDeque<>();
    private final Map<String, Evaluation> blocked = new TreeMap<>();
    /** For blocked system jobs: the nodes they did not fit on. */
    private final Map<String, java.util.Set<String>> blockedOnNodes = new TreeMap<>();
    private final java.util.Set<String> unblocking = new java.util.TreeSet<>();
    private final List<Timer> followUps = new ArrayList<>();
    private final SchedulingCounters counters;
    private final WorkCosts work;
    private boolean running;
    private boolean working;
    private boolean unblockScheduled;
    /** Counts capacity changes, so a plan that blocks on a state older than the last one is retried (nomad's missed unblock). */
    private long capacityChanges;
    private int epoch;

    /** What the broker counts: placements that failed (the last count per blocked evaluation is kept). */
    public interface SchedulingCounters {
        void planApplied(int allocs);

        SchedulingCounters NONE = allocs -> {};
    }

    public EvalBroker(NodeContext ctx, RaftServer raft, NomadStateMachine fsm, Ids ids, WriteIds writes,
            SchedulingCounters counters, WorkCosts work) {
        this.ctx = ctx;
        this.work = work;
        this.raft = raft;
        this.fsm = fsm;
        this.ids = ids;
        this.writes = writes;
        this.random = ctx.random("scheduler");
        this.counters = counters;
    }

    /** Leadership established: every open evaluation in the state is queued or blocked. */
    public void start() {
        epoch++;
        running = true;
        for (Evaluation e : fsm.state().openEvals()) {
            admit(e);
        }
        kick();
    }

    /** Leadership lost: the queues are dropped; the next leader rebuilds them from the state. */
    public void stop() {
        epoch++;
        running = false;
        working = false;
        pendingByJob.clear();
        ready.clear();
        blocked.clear();
        blockedOnNodes.clear();
        unblocking.clear();
        followUps.forEach(Timer::cancel);
        followUps.clear();
    }

    /** An evaluation was written (any server's state tells its own broker; only the leader's acts). */
    public void evalWritten(Evaluation e) {
        if (running && e.status() == EvalStatus.PENDING) {
            admit(e);
            kick();
        }
    }

    /**
     * Capacity changed on {@code node} (it became ready, or allocations there ended): blocked
     * evaluations get another go. A blocked system job waits for capacity on the nodes it did not
     * fit on (nomad's blocked evals track system jobs per node), a service or batch job for any.
     */
    public void capacityChanged(String node) {
        capacityChanges++;
        if (!running || blocked.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Evaluation> e : blocked.entrySet()) {
            java.util.Set<String> on = blockedOnNodes.get(e.getKey());
            if (on == null || on.contains(node)) {
                unblocking.add(e.getKey());
            }
        }
        if (unblocking.isEmpty() || unblockScheduled) {
            return;
        }
        unblockScheduled = true;
        int ep = epoch;
        ctx.setTimer("unblock", 0, () -> {
            unblockScheduled = false;
            if (ep != epoch) {
                return;
            }
            for (String job : new ArrayList<>(unblocking)) {
                Evaluation b = blocked.remove(job);
                blockedOnNodes.remove(job);
                if (b != null) {
                    admit(b.withStatus(EvalStatus.PENDING, b.queuedAllocations()));
                }
            }
            unblocking.clear();
            kick();
        });
    }

    /** Evaluations waiting for the scheduler (queued or blocked): for tests and gauges. */
    public int backlog() {
        int n = blocked.size();
        for (List<Evaluation> l : pendingByJob.values()) {
            n += l.size();
        }
        return n;
    }

    private void admit(Evaluation e) {
        if (e.status() == EvalStatus.BLOCKED) {
            blocked.put(e.jobId(), e);
            return;
        }
        List<Evaluation> l = pendingByJob.get(e.jobId());
        if (l == null) {
            l = new ArrayList<>();
            pendingByJob.put(e.jobId(), l);
            ready.add(e.jobId());
        }
        for (Evaluation x : l) {
            if (x.id().equals(e.id())) {
                return;
            }
        }
        l.add(e);
    }

    private void kick() {
        if (!running || working || ready.isEmpty()) {
            return;
        }
        working = true;
        int e = epoch;
        ctx.setTimer("work", 0, () -> work(e));
    }

    private void work(int e) {
        if (e != epoch) {
            return;
        }
        String job = ready.poll();
        if (job == null) {
            working = false;
            return;
        }
        List<Evaluation> evals = pendingByJob.remove(job);
        Evaluation first = evals.get(0);
        // A job blocked earlier is superseded by any new evaluation of it.
        Evaluation stale = blocked.remove(job);
        blockedOnNodes.remove(job);
        long changesSeen = capacityChanges;
        Plan plan = Scheduler.plan(first, fsm.state(), ctx.now(), random, ids);
        // The plan is submitted once the scheduler's CPU work for it is done (at once when it costs nothing).
        ctx.compute(work.schedule(plan.allocs().size()), () -> submit(e, job, evals, first, stale, changesSeen, plan));
    }

    private void submit(int e, String job, List<Evaluation> evals, Evaluation first, Evaluation stale, long changesSeen, Plan plan) {
        if (e != epoch) {
            return; // leadership ended while it was planned; stop() reset the broker
        }
        List<Evaluation> superseded = new ArrayList<>();
        for (int i = 1; i < evals.size(); i++) {
            superseded.add(evals.get(i).withStatus(EvalStatus.COMPLETE, 0));
        }
        if (stale != null && !stale.id().equals(first.id())) {
            superseded.add(stale.withStatus(EvalStatus.COMPLETE, 0));
        }
        raft.apply(writes.next(), new NomadCommand.PlanApply(plan.outcome(), plan.allocs(), superseded), new ApplyCallback() {
            @Override
            public void applied(long index, Object result) {
                if (e != epoch) {
                    return;
                }
                counters.planApplied(plan.allocs().size());
                if (plan.outcome().status() == EvalStatus.BLOCKED) {
                    if (capacityChanges != changesSeen) {
                        // Capacity changed while it was planned: it may fit now (nomad's missedUnblock).
                        admit(plan.outcome().withStatus(EvalStatus.PENDING, plan.outcome().queuedAllocations()));
                    } else {
                        blocked.put(job, plan.outcome());
                        if (!plan.failedNodes().isEmpty()) {
                            blockedOnNodes.put(job, new java.util.TreeSet<>(plan.failedNodes()));
                        }
                    }
                }
                if (plan.followUpAtNanos() > 0) {
                    followUp(job, plan.followUpAtNanos(), e);
                }
                working = false;
                kick();
            }

            @Override
            public void failed(ApplyError error) {
                // Not leader any more: stop() follows from the leadership change.
                working = false;
            }
        });
    }

    /** nomad's follow-up evaluation (WaitUntil) for unknown allocations whose window runs out. */
    private void followUp(String job, long atNanos, int e) {
        followUps.add(ctx.setTimer("followUp", Math.max(0, atNanos - ctx.now()), () -> {
            if (e != epoch) {
                return;
            }
            Evaluation eval = new Evaluation(ids.nextEval(), job, EvalTrigger.NODE_UPDATE, null, EvalStatus.PENDING, 0);
            raft.apply(writes.next(), new NomadCommand.EvalUpsert(List.of(eval)), ApplyCallback.IGNORE);
        }));
    }
}
