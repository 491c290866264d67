package io.clustersim.scenarios.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of a YAML document with its position and key path (e.g. {@code topology.regions[0].name}).
 */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {
    String file();

    int line();

    int column();

    String path();

    /** How the value is described in "expected X, got Y" messages. */
    String describe();

    /** A mapping whose keys keep the document's order. */
    record Mapping(String file, int line, int column, String path, Map<String, YamlNode> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(String file, int line, int column, String path, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar. {@code quoted} tells a string written in quotes from a plain one, and {@code kind}
     * is what YAML made of a plain scalar (string, integer, float, boolean, null).
     */
    record Scalar(String file, int line, int column, String path, String text, Kind kind) implements YamlNode {
        public enum Kind {
            STRING,
            INTEGER,
            FLOAT,
            BOOLEAN,
            NULL
        }

        public String describe() {
            return kind == Kind.NULL ? "nothing (null)" : "'" + text + "'";
        }
    }
}
