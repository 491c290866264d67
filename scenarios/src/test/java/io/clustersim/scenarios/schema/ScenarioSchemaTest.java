package io.clustersim.scenarios.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ScenarioSchema.json());

    private static List<Error> errors(String yaml) throws Exception {
        return SCHEMA.validate(YAML.readTree(yaml));
    }

    private static List<Path> scenarioFiles() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        files.add(Path.of("..", "examples", "user-ci", "src", "test", "resources", "my-topology.yaml"));
        return files;
    }

    @Test
    void when_everyExampleIsValidated_then_theSchemaAndTheReaderBothAcceptIt() throws Exception {
        List<Path> files = scenarioFiles();
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            String text = Files.readString(f);
            new ScenarioReader().read(f.toString(), text);
            assertThat(errors(text)).as(f.toString()).isEmpty();
        }
    }

    @Test
    void when_aKeyIsMistypedOrAnEntryNamesTwoActions_then_theSchemaRefusesItAsTheReaderDoes() throws Exception {
        String base = Files.readString(Path.of("examples", "leader-loss.yaml"));
        assertThat(errors(base.replace("duration: 3m", "duraton: 3m"))).isNotEmpty();
        assertThat(errors(base.replace("{ at: 60s, crash: leader, for: 60s }", "{ at: 60s, crash: leader, kill: leader }")))
                .isNotEmpty();
        assertThat(errors(base.replace("{ at: 60s, crash: leader, for: 60s }", "{ at: 60s, crash: leader, for: 60 seconds }")))
                .isNotEmpty();
        assertThat(errors(base.replace("profile: hashicorp", "profile: zookeeper"))).isNotEmpty();
    }

    @Test
    void when_theSchemaIsGenerated_then_itListsExactlyTheKeysTheReaderTakes() throws Exception {
        JsonNode s = YAML.readTree(ScenarioSchema.json());
        assertThat(s.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        List<String> top = new ArrayList<>();
        s.get("properties").fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactlyElementsOf(ScenarioReader.TOP_KEYS);
        List<String> failure = new ArrayList<>();
        s.get("$defs").get("failure").get("properties").fieldNames().forEachRemaining(failure::add);
        List<String> expected = new ArrayList<>(FailuresReader.TRIGGER_KEYS);
        expected.addAll(FailuresReader.ACTIONS);
        assertThat(failure).containsExactlyElementsOf(expected);
    }
}
