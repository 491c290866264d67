package io.clustersim.faults;

import io.clustersim.kernel.disk.Disk;
import io.clustersim.kernel.node.StopSignal;
import io.clustersim.kernel.time.Durations;

/** One-line descriptions of faults for traces, reports and summaries, e.g. {@code crash leader}. */
final class FaultDescriptions {
    private FaultDescriptions() {}

    static String describe(Fault f) {
        if (f instanceof Fault.Crash c) {
            return "crash " + c.target();
        } else if (f instanceof Fault.Kill k) {
            return "kill " + k.target();
        } else if (f instanceof Fault.Restart r) {
            return "restart " + r.target();
        } else if (f instanceof Fault.Pause p) {
            return "pause " + p.target();
        } else if (f instanceof Fault.Stop st) {
            return (st.signal() == StopSignal.TERMINATE ? "stop " : "interrupt ") + st.target();
        } else if (f instanceof Fault.ForceLeave fl) {
            return "force-leave " + fl.node();
        } else if (f instanceof Fault.Messages m) {
            return (m.drops() ? "drop " : "delay by " + Durations.format(m.delayNanos()) + " ") + m.kind() + " from "
                    + everyone(m.from()) + " to " + everyone(m.to());
        } else if (f instanceof Fault.TransferLeadership) {
            return "transfer leadership";
        } else if (f instanceof Fault.Isolate i) {
            return "isolate " + i.target();
        } else if (f instanceof Fault.Partition p) {
            return (p.oneWay() ? "one-way partition " : "partition ") + p.groups();
        } else if (f instanceof Fault.Heal) {
            return "heal";
        } else if (f instanceof Fault.Degrade d) {
            String links = d.links() instanceof Fault.Links.OfClass c ? c.linkClass().name().toLowerCase().replace('_', '-') + " links"
                    : d.links() instanceof Fault.Links.Between b ? "links " + b.a() + " <-> " + b.b() : "every link";
            return "degrade " + links + " (+" + Durations.format(d.addedLatencyNanos())
                    + (d.jitterNanos() > 0 ? " jitter " + Durations.format(d.jitterNanos()) : "")
                    + (d.loss() > 0 ? " loss " + d.loss() : "") + (d.duplication() > 0 ? " duplication " + d.duplication() : "") + ")";
        } else if (f instanceof Fault.SlowProcessing sp) {
            return "slow processing on " + sp.target() + " (+" + Durations.format(sp.delayNanos()) + ")";
        } else if (f instanceof Fault.SlowDisk sd) {
            Disk.Slowdown s = sd.slowdown();
            return "slow disk on " + sd.target() + " (fsync x" + s.fsyncFactor() + " +" + Durations.format(s.addedFsyncNanos())
                    + (s.iops() > 0 ? ", " + s.iops() + " IOPS" : "") + ")";
        } else if (f instanceof Fault.StallDisk sd) {
            return "stall disk on " + sd.target();
        } else if (f instanceof Fault.RollingRestart rr) {
            return "rolling restart of " + (rr.region() == null ? "every region" : rr.region()) + "'s servers";
        }
        Fault.FailureProcess p = (Fault.FailureProcess) f;
        return "random " + p.scope().name().toLowerCase() + " failures of " + p.population();
    }

    static String describe(Trigger t) {
        if (t instanceof Trigger.At at) {
            return "at " + Durations.format(at.nanos());
        } else if (t instanceof Trigger.Within w) {
            return "within [" + Durations.format(w.fromNanos()) + ", " + Durations.format(w.toNanos()) + "]";
        } else if (t instanceof Trigger.Whenever w) {
            return "whenever " + w.event().name().toLowerCase().replace('_', ' ') + " in [" + Durations.format(w.fromNanos()) + ", "
                    + Durations.format(w.toNanos()) + "]" + (w.delayNanos() > 0 ? " plus " + Durations.format(w.delayNanos()) : "");
        } else if (t instanceof Trigger.Drawn d) {
            return "at " + Durations.format(d.fromNanos()) + " plus a drawn delay";
        }
        Trigger.When w = (Trigger.When) t;
        String c;
        if (w.condition() instanceof Trigger.Condition.FirstElection e) {
            c = "the first election" + (e.region() == null ? "" : " in " + e.region());
        } else if (w.condition() instanceof Trigger.Condition.Committed n) {
            c = n.entries() + " commits";
        } else {
            c = ((Trigger.Condition.LeaderIs) w.condition()).node() + " leads";
        }
        return (w.delayNanos() > 0 ? Durations.format(w.delayNanos()) + " after " : "when ") + c;
    }

    private static String everyone(java.util.List<String> places) {
        return places.isEmpty() ? "everyone" : places.toString();
    }
}
