package io.clustersim.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PropertySettingsTest {

    private static PropertySettings resolve(int tries, Map<String, String> config) {
        return PropertySettings.resolve("a.BTest#m", tries, key -> Optional.ofNullable(config.get(key)));
    }

    @Test
    void when_nothingIsConfigured_then_annotatedTriesAndNameSeedApply() {
        PropertySettings settings = resolve(100, Map.of());

        assertThat(settings.tries()).isEqualTo(100);
        assertThat(settings.baseSeed()).isEqualTo(Seeds.fromName("a.BTest#m"));
        assertThat(settings.replaySeed()).isEmpty();
    }

    @Test
    void when_effortIsConfigured_then_triesScaleFromTheDefaultEffortOf100() {
        assertThat(resolve(100, Map.of("clustersim.tries", "30")).tries()).isEqualTo(30);
        assertThat(resolve(100, Map.of("clustersim.tries", "500")).tries()).isEqualTo(500);
        assertThat(resolve(20, Map.of("clustersim.tries", "30")).tries()).isEqualTo(6);
        assertThat(resolve(1, Map.of("clustersim.tries", "30")).tries()).isEqualTo(1);
        assertThat(resolve(10, Map.of("clustersim.tries", "0")).tries()).isEqualTo(1);
        assertThat(PropertySettings.scaledTries(Integer.MAX_VALUE, 500)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void when_seedsAreConfigured_then_theyAreUsed() {
        PropertySettings settings = resolve(10,
                Map.of("clustersim.seed.base", "-12", "clustersim.seed", "987654321012"));

        assertThat(settings.baseSeed()).isEqualTo(-12);
        assertThat(settings.replaySeed()).isEqualTo(OptionalLong.of(987654321012L));
    }

    @Test
    void when_valueIsBlank_then_itCountsAsUnset() {
        assertThat(resolve(10, Map.of("clustersim.seed", " ")).replaySeed()).isEmpty();
    }

    @Test
    void when_valueIsMalformed_then_resolutionFailsNamingTheKey() {
        assertThatThrownBy(() -> resolve(10, Map.of("clustersim.seed", "0xBEEF")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clustersim.seed");
        assertThatThrownBy(() -> resolve(10, Map.of("clustersim.tries", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clustersim.tries");
        assertThatThrownBy(() -> resolve(0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tries");
    }
}
