package io.clustersim.model.workload;

import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Process;
import io.clustersim.model.rpc.RpcCall;
import io.clustersim.model.rpc.RpcCaller;
import io.clustersim.model.rpc.RpcResponse;
import io.clustersim.model.structs.Job;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The users of one region: they register its jobs (Job.Register) through a server of the region,
 * then update them and submit new batch instances at Poisson rates. A failed registration is
 * tried again at another server 5 s later, as a CI pipeline's retry would.
 */
public final class JobSubmitter implements Process {
    static final long RETRY_NANOS = 5_000_000_000L;
    static final long TIMEOUT_NANOS = 10_000_000_000L;

    private final String region;
    private final List<NodeId> servers;
    private final Workload workload;
    private NodeContext ctx;
    private RpcCaller caller;
    private UniformRandomProvider random;
    private int cursor;

    public JobSubmitter(String region, List<NodeId> servers, Workload workload) {
        this.region = Objects.requireNonNull(region, "region");
        this.servers = List.copyOf(servers);
        this.workload = Objects.requireNonNull(workload, "workload");
    }

    @Override
    public void start(NodeContext context) {
        this.ctx = context;
        this.caller = new RpcCaller(ctx.scoped("rpc"));
        this.random = ctx.random("submissions");
        if (servers.isEmpty()) {
            return;
        }
        long at = Math.max(0, workload.registerAtNanos() - ctx.now());
        ctx.setTimer("jobs.register", at, () -> {
            for (JobSpec j : workload.jobs()) {
                submit(j.job());
                schedule(j, j.updatesPerHour(), false, 0);
                schedule(j, j.submissionsPerHour(), true, 0);
            }
        });
    }

    private void schedule(JobSpec j, double perHour, boolean fresh, long n) {
        if (perHour <= 0) {
            return;
        }
        double meanNanos = 3600e9 / perHour;
        long delay = (long) Math.ceil(-Math.log(1 - random.nextDouble()) * meanNanos);
        ctx.setTimer(fresh ? "jobs.submit" : "jobs.update", delay, () -> {
            Job job = j.job();
            if (fresh) {
                job = new Job(job.id() + "-" + (n + 1), job.namespace(), job.region(), job.type(), 0, job.specBytes(),
                        job.datacenters(), job.groups());
            }
            submit(job);
            schedule(j, perHour, fresh, n + 1);
        });
    }

    private void submit(Job job) {
        NodeId server = servers.get(cursor % servers.size());
        caller.call(server, region, new RpcCall.JobRegister(job), false, TIMEOUT_NANOS, r -> {
            if (!r.ok()) {
                cursor++;
                ctx.setTimer("jobs.retry", RETRY_NANOS, () -> submit(job));
            }
        });
    }

    @Override
    public void onMessage(NodeId from, Message message) {
        if (message instanceof RpcResponse r) {
            caller.onResponse(r);
        }
    }
}
