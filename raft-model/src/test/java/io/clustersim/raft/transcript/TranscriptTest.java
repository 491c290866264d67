package io.clustersim.raft.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every transcript under {@code src/test/resources/transcripts}: each command's output must be
 * exactly what the file says. {@code -Dtranscripts.rewrite=true} writes the actual output back
 * (then read the diff: the file is the specification).
 */
class TranscriptTest {
    static final Path DIR = Path.of("src", "test", "resources", "transcripts");

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String expected = Files.readString(f, StandardCharsets.UTF_8);
            String actual = Transcript.run(expected);
            if (Boolean.getBoolean("transcripts.rewrite")) {
                Files.writeString(f, actual, StandardCharsets.UTF_8);
            } else {
                assertThat(actual).isEqualTo(expected);
            }
        }));
    }
}
