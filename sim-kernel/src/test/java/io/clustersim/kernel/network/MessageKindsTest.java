package io.clustersim.kernel.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageKindsTest {
    /** A protocol family: two messages of its own and a nested sealed group of two more. */
    sealed interface Family extends Message permits Hello, Bye, Group {}

    record Hello() implements Family {}

    record Bye() implements Family {}

    sealed interface Group extends Family permits Group.Put, Group.Get {
        record Put() implements Group {}

        record Get() implements Group {}
    }

    @Test
    void when_aSealedFamilyHasNestedGroups_then_everyConcreteTypeIsAKindButNoInterfaceIs() {
        assertThat(MessageKinds.of(Family.class, "Put:big"))
                .containsExactly("Bye", "Get", "Hello", "Put", "Put:big");
    }

    @Test
    void when_theFamilyIsOneConcreteType_then_thatTypeIsTheOnlyKind() {
        assertThat(MessageKinds.of(Hello.class)).containsExactly("Hello");
    }
}
