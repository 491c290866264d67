package io.clustersim.scenarios.schema;

import io.clustersim.faults.Fault;
import io.clustersim.faults.ScheduledFault;
import io.clustersim.faults.Target;
import io.clustersim.faults.Trigger;
import io.clustersim.kernel.disk.Disk;
import io.clustersim.kernel.node.StopSignal;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.kernel.time.Durations;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes faults back in the scenario format, as {@link FailuresReader} reads them: a
 * {@code failures:} block that pastes into a scenario file and replays exactly (e.g. the minimal
 * schedule {@code clustersim check} found). Faults with no written form (one reacting to a
 * protocol event) are refused.
 */
public final class FailuresWriter {
    private FailuresWriter() {}

    /** A whole {@code failures:} block, one flow mapping per line. */
    public static String block(List<ScheduledFault> faults) {
        StringBuilder sb = new StringBuilder("failures:\n");
        if (faults.isEmpty()) {
            return "failures: []\n";
        }
        for (ScheduledFault f : faults) {
            sb.append("  - ").append(entry(f)).append('\n');
        }
        return sb.toString();
    }

    /** One entry, e.g. {@code { at: 5m, crash: leader, for: 30s }}. */
    public static String entry(ScheduledFault f) {
        List<String> parts = new ArrayList<>();
        trigger(f.trigger(), parts);
        parts.add(action(f.fault()));
        if (f.durationNanos() > 0) {
            parts.add("for: " + Durations.format(f.durationNanos()));
        }
        return "{ " + String.join(", ", parts) + " }";
    }

    private static void trigger(Trigger t, List<String> parts) {
        if (t instanceof Trigger.At at) {
            parts.add("at: " + Durations.format(at.nanos()));
        } else if (t instanceof Trigger.Within w) {
            parts.add("within: [" + Durations.format(w.fromNanos()) + ", " + Durations.format(w.toNanos()) + "]");
        } else if (t instanceof Trigger.Drawn d) {
            parts.add("at: " + Durations.format(d.fromNanos()));
            parts.add("after: " + distribution(d.delay()));
        } else if (t instanceof Trigger.When w) {
            Trigger.Condition c = w.condition();
            if (c instanceof Trigger.Condition.FirstElection e) {
                parts.add(e.region() == null ? "when: firstElection" : "when: { firstElection: " + e.region() + " }");
            } else if (c instanceof Trigger.Condition.Committed n) {
                parts.add("when: { committed: " + n.entries() + " }");
            } else {
                parts.add("when: { leader: " + ((Trigger.Condition.LeaderIs) c).node() + " }");
            }
            if (w.delayNanos() > 0) {
                parts.add("delay: " + Durations.format(w.delayNanos()));
            }
        } else {
            throw new IllegalArgumentException("a fault that reacts to protocol events has no scenario form: " + t);
        }
    }

    private static String action(Fault f) {
        if (f instanceof Fault.Crash c) {
            return "crash: " + target(c.target());
        } else if (f instanceof Fault.Kill k) {
            return "kill: " + target(k.target());
        } else if (f instanceof Fault.Restart r) {
            return "restart: " + target(r.target());
        } else if (f instanceof Fault.Stop s) {
            return (s.signal() == StopSignal.TERMINATE ? "stop: " : "interrupt: ") + target(s.target());
        } else if (f instanceof Fault.ForceLeave fl) {
            return "forceLeave: " + fl.node();
        } else if (f instanceof Fault.Pause p) {
            return "pause: " + target(p.target());
        } else if (f instanceof Fault.Isolate i) {
            return "isolate: " + target(i.target());
        } else if (f instanceof Fault.Partition p) {
            String groups = p.groups().stream().map(g -> "[" + String.join(", ", g) + "]").reduce((a, b) -> a + ", " + b)
                    .orElse("");
            return p.oneWay() ? "partition: { groups: [" + groups + "], oneWay: true }" : "partition: [" + groups + "]";
        } else if (f instanceof Fault.Heal) {
            return "heal: all";
        } else if (f instanceof Fault.Degrade d) {
            List<String> p = new ArrayList<>();
            if (d.links() instanceof Fault.Links.OfClass c) {
                p.add("links: " + FailuresReader.LINK_CLASSES.get(c.linkClass().ordinal()));
            } else if (d.links() instanceof Fault.Links.Between b) {
                p.add("between: [[" + String.join(", ", b.a()) + "], [" + String.join(", ", b.b()) + "]]");
            } else {
                throw new IllegalArgumentException("a degradation of every link has no scenario form; name a link class");
            }
            if (d.addedLatencyNanos() > 0) {
                p.add("latency: " + Durations.format(d.addedLatencyNanos()));
            }
            if (d.jitterNanos() > 0) {
                p.add("jitter: " + Durations.format(d.jitterNanos()));
            }
            if (d.loss() > 0) {
                p.add("loss: " + d.loss());
            }
            if (d.duplication() > 0) {
                p.add("duplication: " + d.duplication());
            }
            return "degrade: { " + String.join(", ", p) + " }";
        } else if (f instanceof Fault.Messages m) {
            List<String> p = new ArrayList<>();
            p.add("kind: " + m.kind());
            if (!m.from().isEmpty()) {
                p.add("from: [" + String.join(", ", m.from()) + "]");
            }
            if (!m.to().isEmpty()) {
                p.add("to: [" + String.join(", ", m.to()) + "]");
            }
            if (!m.drops()) {
                p.add("by: " + Durations.format(m.delayNanos()));
            }
            return (m.drops() ? "dropMessages: { " : "delayMessages: { ") + String.join(", ", p) + " }";
        } else if (f instanceof Fault.SlowProcessing sp) {
            return "slowProcessing: { target: " + target(sp.target()) + ", by: " + Durations.format(sp.delayNanos()) + " }";
        } else if (f instanceof Fault.SlowDisk sd) {
            Disk.Slowdown s = sd.slowdown();
            List<String> p = new ArrayList<>();
            p.add("target: " + target(sd.target()));
            if (s.fsyncFactor() != 1) {
                p.add("fsyncFactor: " + s.fsyncFactor());
            }
            if (s.addedFsyncNanos() > 0) {
                p.add("addedFsync: " + Durations.format(s.addedFsyncNanos()));
            }
            if (s.iops() > 0) {
                p.add("iops: " + s.iops());
            }
            return "slowDisk: { " + String.join(", ", p) + " }";
        } else if (f instanceof Fault.StallDisk sd) {
            return "stallDisk: " + target(sd.target());
        } else if (f instanceof Fault.RollingRestart rr) {
            return "rollingRestart: { " + (rr.region() == null ? "" : "region: " + rr.region() + ", ") + "pause: "
                    + Durations.format(rr.pauseNanos()) + ", down: " + Durations.format(rr.downNanos()) + ", graceful: "
                    + rr.graceful() + " }";
        } else if (f instanceof Fault.FailureProcess p) {
            return "randomFailures: { of: " + target(p.population()) + ", scope: "
                    + FailureProcessReader.SCOPES.get(p.scope().ordinal()) + ", timeToFailure: " + distribution(p.timeToFailure())
                    + ", timeToRepair: " + distribution(p.timeToRepair()) + ", maxConcurrent: " + p.maxConcurrent() + " }";
        }
        throw new IllegalArgumentException("no scenario form for " + f);
    }

    /** A target as the reader takes it, quoted when it holds a colon. */
    static String target(Target t) {
        String s = targetText(t);
        return s.contains(":") ? "\"" + s + "\"" : s;
    }

    private static String targetText(Target t) {
        if (t instanceof Target.Node n) {
            return n.name();
        } else if (t instanceof Target.Zone z) {
            return "zone:" + z.name();
        } else if (t instanceof Target.Datacenter d) {
            return "datacenter:" + d.name();
        } else if (t instanceof Target.Region r) {
            return "region:" + r.name();
        } else if (t instanceof Target.Leader l) {
            return l.region() == null ? "leader" : "leader:" + l.region();
        } else if (t instanceof Target.Follower f) {
            return f.region() == null ? "follower" : "follower:" + f.region();
        } else if (t instanceof Target.Servers s) {
            return s.region() == null ? "servers" : "servers:" + s.region();
        } else if (t instanceof Target.Clients c) {
            return c.region() == null ? "clients" : "clients:" + c.region();
        } else if (t instanceof Target.ZoneOf z && z.role() instanceof Target.Leader l && l.region() == null) {
            return "zone-of-leader";
        } else if (t instanceof Target.ZoneOf z && z.role() instanceof Target.Follower f && f.region() == null) {
            return "zone-of-follower";
        } else if (t instanceof Target.Random r) {
            return "random:" + targetText(r.among());
        }
        throw new IllegalArgumentException("no scenario form for the target " + t);
    }

    /** A duration distribution as the reader takes it. */
    static String distribution(Distribution d) {
        if (d instanceof Distribution.Constant c) {
            return Durations.format(Math.round(c.value()));
        } else if (d instanceof Distribution.Exponential e) {
            return "{ exponential: { mean: " + Durations.format(Math.round(e.mean())) + " } }";
        } else if (d instanceof Distribution.Uniform u) {
            return "{ uniform: [" + Durations.format(Math.round(u.low())) + ", " + Durations.format(Math.round(u.high())) + "] }";
        } else if (d instanceof Distribution.Weibull w) {
            return "{ weibull: { shape: " + w.shape() + ", scale: " + Durations.format(Math.round(w.scale())) + " } }";
        } else if (d instanceof Distribution.LogNormal l) {
            long median = Math.round(Math.exp(l.mu()));
            long p99 = Math.round(Math.exp(l.mu() + Distribution.LogNormal.Z99 * l.sigma()));
            return "{ lognormal: { median: " + Durations.format(median) + ", p99: " + Durations.format(p99) + " } }";
        }
        throw new IllegalArgumentException("no scenario form for the distribution " + d);
    }
}
