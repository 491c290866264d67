package io.clustersim.gossip.memberlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.message.Tags;
import io.clustersim.kernel.node.NodeId;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;

/**
 * The bookkeeping behind the table's shortcuts: the dead-or-left count, the local member's
 * position, the version that marks a cached push-pull list stale, and draws that must match
 * {@code kRandom}'s exactly. Each is checked against the brute-force answer after every step of
 * random histories of adds, state changes and resets.
 */
class NodeTableTest {
    private static final String LOCAL = "m0";
    private static final MemberState[] STATES = MemberState.values();

    @Test
    void when_historiesRun_then_shortcutsAgreeWithBruteForce() {
        for (long seed = 1; seed <= 200; seed++) {
            UniformRandomProvider ops = new XoRoShiRo128PlusPlus(seed, 99);
            NodeTable table = new NodeTable(LOCAL);
            UniformRandomProvider tableRng = new XoRoShiRo128PlusPlus(seed, 7);
            int nextName = 0;
            boolean strangerAdded = false;
            long now = 0;
            for (int step = 0; step < 120; step++) {
                now += 1_000_000_000L;
                int op = ops.nextInt(10);
                int versionBefore = table.version();
                if (op < 4 || table.size() == 0) {
                    // The local member is usually the first; sometimes it comes later.
                    boolean stranger = nextName == 0 && !strangerAdded && ops.nextBoolean();
                    strangerAdded |= stranger;
                    String name = stranger ? "x" + seed : "m" + nextName++;
                    MemberState state = STATES[ops.nextInt(STATES.length)];
                    table.add(new NodeState(name, new NodeId(table.size(), name), 0, state, now, Tags.copyOf(Map.of())), tableRng);
                    assertThat(table.version()).isNotEqualTo(versionBefore);
                } else if (op < 8) {
                    NodeState n = table.ordered().get(ops.nextInt(table.size()));
                    table.setState(n, STATES[ops.nextInt(STATES.length)]);
                    assertThat(table.version()).isNotEqualTo(versionBefore);
                } else {
                    table.resetNodes(now, ops.nextInt(3) * 2_000_000_000L, tableRng);
                    assertThat(table.version()).isNotEqualTo(versionBefore);
                }
                check(table, seed * 1000 + step);
            }
        }
    }

    private static void check(NodeTable table, long drawSeed) {
        List<NodeState> all = table.ordered();
        assertThat(table.allAliveOrSuspect()).isEqualTo(all.stream().noneMatch(n -> n.state.deadOrLeft()));
        for (NodeState n : all) {
            assertThat(table.get(n.name)).isSameAs(n);
        }
        for (int k = 0; k <= 4; k++) {
            UniformRandomProvider viaKRandom = new XoRoShiRo128PlusPlus(drawSeed, k);
            UniformRandomProvider viaDraws = new XoRoShiRo128PlusPlus(drawSeed, k);
            table.kRandom(k, n -> n.name.equals(LOCAL), viaKRandom);
            table.drawKRandomOthers(k, viaDraws);
            // Same number of draws: both streams are at the same place.
            assertThat(viaDraws.nextLong()).isEqualTo(viaKRandom.nextLong());
        }
    }
}
