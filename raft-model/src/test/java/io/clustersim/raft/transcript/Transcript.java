package io.clustersim.raft.transcript;

import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.time.Durations;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.log.Command;
import io.clustersim.raft.log.EntryPayload;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.message.AppendEntries;
import io.clustersim.raft.message.AppendEntriesResponse;
import io.clustersim.raft.message.InstallSnapshot;
import io.clustersim.raft.message.InstallSnapshotResponse;
import io.clustersim.raft.message.RequestVote;
import io.clustersim.raft.message.RequestVoteResponse;
import io.clustersim.raft.message.TimeoutNow;
import io.clustersim.raft.observe.RaftView;
import io.clustersim.raft.testing.Envelope;
import io.clustersim.raft.testing.FakeCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * etcd-style transcripts for Raft (etcd-io/raft {@code interaction_test.go} and its
 * {@code testdata/*.txt}): a command, {@code ----}, the output it must produce; blocks separated
 * by blank lines; {@code #} starts a comment. Commands drive a {@link FakeCluster}, so nothing
 * happens unless a command makes it happen:
 *
 * <pre>
 * cluster profile=paper|hashicorp|etcd voters=N [nonvoters=N] [maxAppendEntries=N] [snapshotThreshold=N] [trailingLogs=N]
 * fire I TIMER            fire server I's earliest pending timer of that name (time moves to it)
 * advance DURATION        move the clock, e.g. 50ms
 * sync I|all              complete the pending disk writes
 * deliver [from=I] [to=J] [type=T] [drop]   deliver (or drop) the pending messages that match
 * settle                  deliver and sync until nothing is left
 * propose I KEY          a write on server I; prints its index or -1
 * transfer I [to=J]       leadership transfer
 * crash I | restart I
 * vote from=I to=J term=T last=INDEX@TERM [pre] [transfer]   hand J a RequestVote as if I sent it
 * ack from=I to=J term=T match=M          hand leader J a successful AppendEntries answer from I
 * state                   each server's role, term, leader, commit and last log entry
 * log I                   server I's log
 * </pre>
 * After every command, messages sent meanwhile are printed, one per line, as
 * {@code s1->s2 Kind details}; they stay pending until delivered.
 */
public final class Transcript {
    private FakeCluster cluster;
    private int servers;
    private long nextRequest = 1;
    private int seen;

    /** Runs every block of {@code text}; returns the text with each block's output replaced by what happened. */
    public static String run(String text) {
        Transcript t = new Transcript();
        StringBuilder out = new StringBuilder();
        for (String block : text.split("\n\\s*\n")) {
            String trimmed = block.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            List<String> lines = trimmed.lines().toList();
            StringBuilder input = new StringBuilder();
            int i = 0;
            for (; i < lines.size() && !lines.get(i).equals("----"); i++) {
                input.append(lines.get(i)).append('\n');
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(input);
            String command = input.toString().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst()
                    .orElse(null);
            if (command == null) {
                continue;
            }
            out.append("----\n").append(t.execute(command.strip()));
        }
        return out.toString();
    }

    String execute(String command) {
        String[] words = command.split("\\s+");
        Map<String, String> args = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq > 0) {
                args.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            } else {
                positional.add(words[i]);
            }
        }
        StringBuilder out = new StringBuilder();
        switch (words[0]) {
            case "cluster" -> cluster(args);
            case "fire" -> cluster.fire(server(positional.get(0)), positional.get(1));
            case "advance" -> cluster.advance(Durations.parseNanos(positional.get(0)));
            case "sync" -> {
                if (positional.get(0).equals("all")) {
                    cluster.syncAll();
                } else {
                    cluster.sync(server(positional.get(0)));
                }
            }
            case "deliver" -> deliver(args, positional.contains("drop"));
            case "settle" -> cluster.settle();
            case "propose" -> out.append("index ").append(cluster.server(server(positional.get(0)))
                    .propose(new RequestId("t", nextRequest++), new Command(positional.get(1), "v", 10))).append('\n');
            case "transfer" -> out.append(cluster.server(server(positional.get(0)))
                    .transferLeadership(args.containsKey("to") ? FakeCluster.id(server(args.get("to"))) : null))
                    .append('\n');
            case "vote" -> {
                String[] last = args.get("last").split("@");
                cluster.deliver(new Envelope<>(FakeCluster.id(server(args.get("from"))), FakeCluster.id(server(args.get("to"))),
                        new RequestVote(Long.parseLong(args.get("term")), FakeCluster.id(server(args.get("from"))),
                                Long.parseLong(last[0]), Long.parseLong(last[1]), positional.contains("pre"),
                                positional.contains("transfer"))));
            }
            case "ack" -> {
                long match = Long.parseLong(args.get("match"));
                cluster.deliver(new Envelope<>(FakeCluster.id(server(args.get("from"))), FakeCluster.id(server(args.get("to"))),
                        new AppendEntriesResponse(Long.parseLong(args.get("term")), true, match, match, 0, false)));
            }
            case "crash" -> cluster.crash(server(positional.get(0)));
            case "restart" -> cluster.restart(server(positional.get(0)));
            case "state" -> state(out);
            case "log" -> log(out, server(positional.get(0)));
            default -> throw new IllegalArgumentException("unknown command: " + command);
        }
        List<Envelope<?>> outbox = cluster.outbox();
        for (int i = Math.min(seen, outbox.size()); i < outbox.size(); i++) {
            out.append(format(outbox.get(i))).append('\n');
        }
        seen = outbox.size();
        return out.length() == 0 ? "ok\n" : out.toString();
    }

    private void cluster(Map<String, String> args) {
        RaftConfig config = switch (args.getOrDefault("profile", "paper")) {
            case "paper" -> RaftConfig.paper();
            case "hashicorp" -> RaftConfig.hashicorp();
            case "etcd" -> RaftConfig.etcd();
            default -> throw new IllegalArgumentException("unknown profile " + args.get("profile"));
        };
        if (args.containsKey("snapshotThreshold")) {
            config = config.withSnapshotThreshold(Long.parseLong(args.get("snapshotThreshold")))
                    .withSnapshotInterval(Duration.ZERO);
        }
        if (args.containsKey("maxAppendEntries")) {
            config = config.withMaxAppendEntries(Integer.parseInt(args.get("maxAppendEntries")));
        }
        if (args.containsKey("trailingLogs")) {
            config = config.withTrailingLogs(Long.parseLong(args.get("trailingLogs")));
        }
        int voters = Integer.parseInt(args.getOrDefault("voters", "3"));
        int nonVoters = Integer.parseInt(args.getOrDefault("nonvoters", "0"));
        cluster = new FakeCluster(config, voters, nonVoters);
        servers = voters + nonVoters;
        seen = 0;
    }

    /** Delivers (or drops) the pending messages matching the filters, in the order they were sent. */
    private void deliver(Map<String, String> args, boolean drop) {
        List<Envelope<?>> pending = cluster.outbox();
        List<Envelope<?>> chosen = new ArrayList<>();
        List<Envelope<?>> kept = new ArrayList<>();
        for (Envelope<?> e : pending) {
            boolean match = (!args.containsKey("from") || e.from().equals(FakeCluster.id(server(args.get("from")))))
                    && (!args.containsKey("to") || e.to().equals(FakeCluster.id(server(args.get("to")))))
                    && (!args.containsKey("type") || e.message().getClass().getSimpleName().equals(args.get("type")));
            (match ? chosen : kept).add(e);
        }
        cluster.clearOutbox();
        seen = 0;
        // Messages not chosen stay pending, ahead of whatever delivering the chosen ones sends.
        cluster.requeue(kept);
        seen = kept.size();
        if (!drop) {
            for (Envelope<?> e : chosen) {
                cluster.deliver(e);
            }
        }
    }

    private void state(StringBuilder out) {
        for (int i = 1; i <= servers; i++) {
            RaftServer s = cluster.server(i);
            if (s == null) {
                out.append("s").append(i).append(": down\n");
                continue;
            }
            RaftView v = s.view();
            out.append(String.format(Locale.ROOT, "s%d: %s term=%d leader=%s commit=%d last=%d@%d%s%n", i,
                    v.role().name().toLowerCase(Locale.ROOT), v.currentTerm(), v.leader() == null ? "-" : v.leader(),
                    v.commitIndex(), v.lastLogIndex(), v.lastLogTerm(), v.isVoter() ? "" : " non-voter"));
        }
    }

    private void log(StringBuilder out, int i) {
        RaftView v = cluster.server(i).view();
        List<String> entries = new ArrayList<>();
        for (long idx = v.snapshotIndex() + 1; idx <= v.lastLogIndex(); idx++) {
            entries.add(entry(v.entryAt(idx)));
        }
        out.append("s").append(i).append(": snapshot=").append(v.snapshotIndex()).append(" ")
                .append(String.join(" ", entries)).append('\n');
    }

    private int server(String s) {
        return Integer.parseInt(s.startsWith("s") ? s.substring(1) : s);
    }

    static String entry(LogEntry e) {
        String what = e.payload() instanceof EntryPayload.Write w && w.command() instanceof Command c ? c.key()
                : e.payload() instanceof EntryPayload.ConfigChange ? "config" : "noop";
        return e.index() + "@" + e.term() + ":" + what;
    }

    static String format(Envelope<?> e) {
        return e.from() + "->" + e.to() + " " + describe(e.message());
    }

    static String describe(Message m) {
        if (m instanceof RequestVote r) {
            return (r.preVote() ? "PreVote" : "Vote") + " t" + r.term() + " last=" + r.lastLogIndex() + "@" + r.lastLogTerm()
                    + (r.leadershipTransfer() ? " transfer" : "");
        } else if (m instanceof RequestVoteResponse r) {
            return (r.preVote() ? "PreVoteResp" : "VoteResp") + " t" + r.term() + (r.granted() ? " granted" : " refused")
                    + " for t" + r.requestTerm();
        } else if (m instanceof AppendEntries a) {
            if (a.heartbeat()) {
                return "Heartbeat t" + a.term();
            }
            List<String> es = a.entries().stream().map(Transcript::entry).toList();
            return "App t" + a.term() + " prev=" + a.prevLogIndex() + "@" + a.prevLogTerm() + " entries=" + es
                    + " commit=" + a.leaderCommit();
        } else if (m instanceof AppendEntriesResponse r) {
            return (r.heartbeat() ? "HeartbeatResp" : "AppResp") + " t" + r.term() + (r.success() ? " ok match=" + r.matchIndex()
                    : " reject") + " last=" + r.lastLogIndex();
        } else if (m instanceof InstallSnapshot s) {
            return "Snapshot t" + s.term() + " last=" + s.snapshot().lastIndex() + "@" + s.snapshot().lastTerm();
        } else if (m instanceof InstallSnapshotResponse r) {
            return "SnapshotResp t" + r.term() + (r.success() ? " ok" : " reject") + " last=" + r.lastIndex();
        } else if (m instanceof TimeoutNow t) {
            return "TimeoutNow t" + t.term();
        }
        return m.toString();
    }
}
