package io.clustersim.gossip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Tags made by {@link Tags#copyOf} are frozen, so copies of them can be shared instead of copied. */
class TagsTest {

    @Test
    void when_copiedTwice_then_theSecondCopyIsTheFirst() {
        Map<String, String> source = new HashMap<>(Map.of("zone", "a", "role", "nomad", "dc", "dc1"));
        SortedMap<String, String> copy = Tags.copyOf(source);

        assertThat(Tags.copyOf(copy)).isSameAs(copy);
        assertThat(new Alive("m1", null, 1, copy).tags()).isSameAs(copy);
    }

    @Test
    void when_theSourceChangesLater_then_theCopyDoesNot() {
        Map<String, String> source = new HashMap<>(Map.of("zone", "a"));
        SortedMap<String, String> copy = Tags.copyOf(source);
        source.put("zone", "b");

        assertThat(copy).containsExactly(Map.entry("zone", "a"));
    }

    @Test
    void when_copied_then_itBehavesAsTheSortedMapItCopies() {
        TreeMap<String, String> source = new TreeMap<>(Map.of("zone", "a", "role", "nomad", "dc", "dc1"));
        SortedMap<String, String> copy = Tags.copyOf(source);

        assertThat(copy).isEqualTo(source);
        assertThat(source).isEqualTo(copy);
        assertThat(copy.hashCode()).isEqualTo(source.hashCode());
        assertThat(List.copyOf(copy.keySet())).containsExactly("dc", "role", "zone");
        assertThat(copy.firstKey()).isEqualTo("dc");
        assertThat(copy.headMap("role")).isEqualTo(source.headMap("role"));
        assertThat(Tags.sizeBytes(copy)).isEqualTo(Tags.sizeBytes(source));
        assertThat(copy.toString()).isEqualTo(source.toString());
    }

    @Test
    void when_changed_then_itRefuses() {
        SortedMap<String, String> copy = Tags.copyOf(Map.of("zone", "a"));

        assertThatThrownBy(() -> copy.put("zone", "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.remove("zone")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(copy::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.entrySet().iterator().next().setValue("b"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.headMap("z").clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
