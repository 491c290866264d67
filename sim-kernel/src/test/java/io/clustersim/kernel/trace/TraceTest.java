package io.clustersim.kernel.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.Ping;
import io.clustersim.kernel.RecordingProcess;
import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.random.Distribution;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class TraceTest {
    private static final long MS = 1_000_000L;

    /** A small but busy run: random latency, loss, a crash and a restart, a pause. */
    private static World run(long seed, Trace trace) {
        NetworkConfig net = NetworkConfig.uniform(new Distribution.Uniform(MS, 30 * MS)).withLoss(0.05);
        World world = new World(seed, net, trace);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Node n = world.addNode("server-" + i, new Placement("r", "dc", "z" + i % 2),
                    new DiskConfig(new Distribution.Exponential(2 * MS), 500), () -> new RecordingProcess(new ArrayList<>()));
            n.start();
            nodes.add(n);
        }
        // The workload's own choices are fixed, so runs differ only through the kernel's streams.
        UniformRandomProvider workload = io.clustersim.kernel.random.RandomStreams.root(777).rng();
        for (int i = 0; i < 500; i++) {
            Node from = nodes.get(workload.nextInt(4));
            Node to = nodes.get(workload.nextInt(4));
            int seq = i;
            world.simulation().schedule(workload.nextLong(1_000 * MS), () -> {
                if (from.isUp()) {
                    ((RecordingProcess) from.process()).ctx().send(to.id(), new Ping(seq), Delivery.DATAGRAM);
                    from.disk().write(64, null, null);
                }
            });
        }
        world.simulation().schedule(300 * MS, nodes.get(1)::crash);
        world.simulation().schedule(400 * MS, nodes.get(1)::start);
        world.simulation().schedule(500 * MS, nodes.get(2)::pause);
        world.simulation().schedule(600 * MS, nodes.get(2)::resume);
        world.simulation().runUntilEmpty();
        return world;
    }

    @Test
    void when_runRepeatedWithSameSeedAndActions_then_traceHashIsIdentical() {
        World first = run(42, new Trace());
        World second = run(42, new Trace());

        assertThat(first.trace().recorded()).isGreaterThan(1_000);
        assertThat(second.trace().hash()).isEqualTo(first.trace().hash());
        assertThat(second.trace().hashHex()).isEqualTo(first.trace().hashHex()).hasSize(16);
        assertThat(second.trace().tail()).isEqualTo(first.trace().tail());
    }

    @Test
    void when_seedDiffersWithRandomLatency_then_traceHashDiffers() {
        assertThat(run(43, new Trace()).trace().hash()).isNotEqualTo(run(42, new Trace()).trace().hash());
    }

    @Test
    void when_anyHashedFieldDiffers_then_hashDiffersButDetailDoesNot() {
        Trace base = new Trace();
        base.record(5, TraceKind.DROP, "a", "b", "Ping", "loss");

        Trace otherDetail = new Trace();
        otherDetail.record(5, TraceKind.DROP, "a", "b", "Ping", "partition");
        assertThat(otherDetail.hash()).isEqualTo(base.hash());

        List<Trace> variants = List.of(new Trace(), new Trace(), new Trace(), new Trace(), new Trace(), new Trace());
        variants.get(0).record(6, TraceKind.DROP, "a", "b", "Ping", "loss");
        variants.get(1).record(5, TraceKind.DELIVER, "a", "b", "Ping", "loss");
        variants.get(2).record(5, TraceKind.DROP, "b", "a", "Ping", "loss");
        variants.get(3).record(5, TraceKind.DROP, "a", "b", "Pong", "loss");
        variants.get(4).record(5, TraceKind.DROP, "a", null, "Ping", "loss");
        variants.get(5).record(5, TraceKind.DROP, "a", "bé", "Ping", "loss");
        assertThat(variants).allSatisfy(t -> assertThat(t.hash()).isNotEqualTo(base.hash()));
    }

    @Test
    void when_moreEventsThanTailCapacity_then_tailKeepsTheMostRecentOldestFirst() {
        Trace t = new Trace(3);
        for (int i = 1; i <= 5; i++) {
            t.record(i * 1_500_000_000L, TraceKind.NOTE, "n" + i, null, null);
        }

        assertThat(t.recorded()).isEqualTo(5);
        assertThat(t.tail()).containsExactly(
                "4.500000000s NOTE n3 -> - ", "6.000000000s NOTE n4 -> - ", "7.500000000s NOTE n5 -> - ");
        Trace none = new Trace(0);
        none.record(1, TraceKind.NOTE, "x", null, null);
        assertThat(none.tail()).isEmpty();
    }

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\x00-\\x1f]|\\\\[\"\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4})*\"");
    private static final Pattern LINE = Pattern.compile(
            "\\{\"tNanos\":\\d+,\"kind\":\"[A-Z_]+\"(?:,\"(?:src|dst|type|detail)\":" + STRING.pattern() + ")*}");

    @Test
    void when_jsonLinesSinkAttached_then_everyEventIsOneValidJsonObjectPerLine() {
        StringWriter out = new StringWriter();
        Trace trace = new Trace();
        JsonLinesTraceSink sink = new JsonLinesTraceSink(out);
        trace.addSink(sink);

        World world = run(42, trace);
        sink.close();

        String[] lines = out.toString().split("\n", -1);
        assertThat(lines[lines.length - 1]).as("output ends with a newline").isEmpty();
        List<String> records = List.of(lines).subList(0, lines.length - 1);
        assertThat((long) records.size()).isEqualTo(world.trace().recorded());
        assertThat(records).allSatisfy(l -> assertThat(l).matches(LINE));
        assertThat(records).anySatisfy(l -> assertThat(l).contains("\"kind\":\"DELIVER\"", "\"type\":\"Ping\""));
        assertThat(records).anySatisfy(l -> assertThat(l).contains("\"kind\":\"DROP\"", "\"detail\":\"loss\""));
    }

    @Test
    void when_fieldsHoldQuotesBackslashesAndControlCharacters_then_theyAreEscaped() {
        StringWriter out = new StringWriter();
        JsonLinesTraceSink sink = new JsonLinesTraceSink(out);

        sink.record(1_500_000_000L, TraceKind.NOTE, "a\"b", "c\\d", "x\ny\tz\u0001", null);
        sink.close();

        String line = out.toString();
        assertThat(line).isEqualTo(
                "{\"tNanos\":1500000000,\"kind\":\"NOTE\",\"src\":\"a\\\"b\",\"dst\":\"c\\\\d\",\"type\":\"x\\ny\\tz\\u0001\"}\n");
        assertThat(line.strip()).matches(LINE);
    }

    @Test
    void when_moreEventsThanTheTailHolds_then_theTailKeepsTheLatestOldestFirst() {
        Trace t = new Trace(3);
        assertThat(t.tail()).isEmpty();
        t.record(1_500_000_000L, TraceKind.SEND, "a", "b", "Ping");
        assertThat(t.tail()).containsExactly("1.500000000s SEND a -> b Ping");
        for (int i = 2; i <= 5; i++) {
            t.record(i * 1_000_000_000L, TraceKind.DROP, "a", null, "Ping", "loss" + i);
        }
        assertThat(t.tail()).containsExactly("3.000000000s DROP a -> - Ping loss3", "4.000000000s DROP a -> - Ping loss4",
                "5.000000000s DROP a -> - Ping loss5");
        assertThat(new Trace(0).tail()).isEmpty();
    }

    @Test
    void when_sinksDeclareKinds_then_eachGetsOnlyThoseInOrderAndTheHashIsTheSame() {
        List<String> seen = new ArrayList<>();
        TraceSink crashes = new TraceSink() {
            @Override
            public void record(long time, TraceKind kind, String source, String destination, String type, String detail) {
                seen.add("crashes:" + kind + "@" + time);
            }

            @Override
            public Set<TraceKind> kinds() {
                return EnumSet.of(TraceKind.CRASH, TraceKind.START);
            }
        };
        Trace filtered = new Trace();
        filtered.addSink(crashes);
        filtered.addSink(EnumSet.of(TraceKind.CRASH), (time, kind, src, dst, type, detail) -> seen.add("lambda:" + kind + "@" + time));
        filtered.addSink((time, kind, src, dst, type, detail) -> seen.add("all:" + kind + "@" + time));
        Trace plain = new Trace();
        for (Trace t : List.of(filtered, plain)) {
            t.record(1, TraceKind.SEND, "a", "b", "Ping");
            t.record(2, TraceKind.CRASH, "a", null, null);
            t.record(3, TraceKind.TIMER, "b", null, "tick");
            t.record(4, TraceKind.START, "a", null, null);
        }
        assertThat(seen).containsExactly("all:SEND@1", "crashes:CRASH@2", "lambda:CRASH@2", "all:CRASH@2", "all:TIMER@3",
                "crashes:START@4", "all:START@4");
        assertThat(filtered.hash()).isEqualTo(plain.hash());
        assertThat(filtered.recorded()).isEqualTo(4);
    }
}
