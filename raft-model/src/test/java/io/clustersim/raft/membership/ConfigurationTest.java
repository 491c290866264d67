package io.clustersim.raft.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.node.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cluster configuration: suffrage, quorum and the digest and text it is compared and shown by. */
class ConfigurationTest {
    static final NodeId S1 = new NodeId(1, "s1");
    static final NodeId S2 = new NodeId(2, "s2");
    static final NodeId S3 = new NodeId(3, "s3");

    @Test
    void when_votersAndNonVotersAreListed_then_sizeVotersAndQuorumCountOnlyWhatTheyShould() {
        Configuration c = Configuration.of(List.of(S1, S3), List.of(S2));
        assertThat(c.size()).isEqualTo(3);
        assertThat(c.voterCount()).isEqualTo(2);
        assertThat(c.voters()).containsExactly(S1, S3);
        assertThat(c.quorumSize()).isEqualTo(2);
        assertThat(c.isEmpty()).isFalse();
        assertThat(Configuration.EMPTY.isEmpty()).isTrue();
        assertThat(Configuration.EMPTY.size()).isZero();
        assertThat(Configuration.ofVoters(List.of(S2, S1)).voters()).containsExactly(S1, S2);
    }

    @Test
    void when_configurationsDiffer_then_theirDigestsDiffer_andEqualOnesAgree() {
        Configuration a = Configuration.ofVoters(List.of(S1, S2, S3));
        Configuration b = Configuration.of(List.of(S1, S2), List.of(S3));
        Configuration c = Configuration.ofVoters(List.of(S1, S2));
        assertThat(a.digest()).isNotEqualTo(b.digest()).isNotEqualTo(c.digest());
        assertThat(b.digest()).isNotEqualTo(c.digest());
        assertThat(a.digest()).isEqualTo(Configuration.ofVoters(List.of(S3, S2, S1)).digest());
    }

    @Test
    void when_printed_then_nonVotersAreMarked() {
        assertThat(Configuration.of(List.of(S1, S3), List.of(S2))).hasToString("{s1, s2(nonvoter), s3}");
        assertThat(Configuration.EMPTY).hasToString("{}");
    }
}
