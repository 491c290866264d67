package io.clustersim.scenarios.yaml;

import io.clustersim.kernel.time.Durations;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed fields of one YAML mapping, turning every mistake into an {@link InputError} that
 * names the key path and what was expected.
 */
public final class YamlMap {
    private final YamlNode.Mapping node;

    private YamlMap(YamlNode.Mapping node) {
        this.node = node;
    }

    /** The node as a mapping, or an error saying {@code what} was expected there. */
    public static YamlMap of(YamlNode node, String what) {
        if (node instanceof YamlNode.Mapping m) {
            return new YamlMap(m);
        }
        throw InputError.at(node, "expected " + what + " (a mapping), got " + node.describe());
    }

    public YamlNode.Mapping node() {
        return node;
    }

    /** Fails on any key not in {@code allowed}, listing the allowed ones. */
    public YamlMap allowOnly(String... allowed) {
        return allowOnly(List.of(allowed));
    }

    /** As {@link #allowOnly(String...)}, for key lists a schema shares. */
    public YamlMap allowOnly(List<String> allowed) {
        Set<String> ok = Set.copyOf(allowed);
        for (var e : node.entries().entrySet()) {
            if (!ok.contains(e.getKey())) {
                throw InputError.at(e.getValue(), "unknown key '" + e.getKey() + "'; expected one of: "
                        + String.join(", ", new TreeSet<>(ok)));
            }
        }
        return this;
    }

    public Set<String> keys() {
        return node.entries().keySet();
    }

    public boolean has(String key) {
        YamlNode v = node.entries().get(key);
        return v != null && !(v instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.NULL);
    }

    public Optional<YamlNode> get(String key) {
        return has(key) ? Optional.of(node.entries().get(key)) : Optional.empty();
    }

    public YamlNode require(String key, String what) {
        if (!has(key)) {
            throw InputError.at(node, "missing required key '" + key + "' (" + what + ")");
        }
        return node.entries().get(key);
    }

    public String string(String key, String what) {
        return asString(require(key, what), what);
    }

    public String string(String key, String what, String fallback) {
        return has(key) ? asString(node.entries().get(key), what) : fallback;
    }

    public long integer(String key, String what, long fallback, long min, long max) {
        return has(key) ? asInteger(node.entries().get(key), what, min, max) : fallback;
    }

    public double number(String key, String what, double fallback, double min, double max) {
        return has(key) ? asNumber(node.entries().get(key), what, min, max) : fallback;
    }

    public boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        YamlNode v = node.entries().get(key);
        if (v instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        throw InputError.at(v, "expected true or false, got " + v.describe());
    }

    public long durationNanos(String key, String what) {
        return asDuration(require(key, what), what);
    }

    public long durationNanos(String key, String what, long fallback) {
        return has(key) ? asDuration(node.entries().get(key), what) : fallback;
    }

    public List<YamlNode> list(String key, String what) {
        if (!has(key)) {
            return List.of();
        }
        YamlNode v = node.entries().get(key);
        if (v instanceof YamlNode.Sequence s) {
            return s.items();
        }
        throw InputError.at(v, "expected a list of " + what + ", got " + v.describe());
    }

    public static String asString(YamlNode v, String what) {
        if (v instanceof YamlNode.Scalar s && s.kind() != YamlNode.Scalar.Kind.NULL) {
            return s.text();
        }
        throw InputError.at(v, "expected " + what + " (text), got " + v.describe());
    }

    public static long asInteger(YamlNode v, String what, long min, long max) {
        if (v instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.INTEGER) {
            long x;
            try {
                x = Long.parseLong(s.text().replace("_", ""));
            } catch (NumberFormatException e) {
                throw InputError.at(v, "expected " + what + " (an integer), got " + v.describe());
            }
            if (x < min || x > max) {
                throw InputError.at(v, "expected " + what + " between " + min + " and " + max + ", got " + x);
            }
            return x;
        }
        throw InputError.at(v, "expected " + what + " (an integer), got " + v.describe());
    }

    public static double asNumber(YamlNode v, String what, double min, double max) {
        if (v instanceof YamlNode.Scalar s
                && (s.kind() == YamlNode.Scalar.Kind.INTEGER || s.kind() == YamlNode.Scalar.Kind.FLOAT)) {
            double x;
            try {
                x = Double.parseDouble(s.text());
            } catch (NumberFormatException e) {
                throw InputError.at(v, "expected " + what + " (a number), got " + v.describe());
            }
            if (!(x >= min && x <= max)) {
                throw InputError.at(v, "expected " + what + " between " + min + " and " + max + ", got " + s.text());
            }
            return x;
        }
        throw InputError.at(v, "expected " + what + " (a number), got " + v.describe());
    }

    public static long asDuration(YamlNode v, String what) {
        if (v instanceof YamlNode.Scalar s && s.kind() != YamlNode.Scalar.Kind.NULL) {
            if (s.kind() == YamlNode.Scalar.Kind.INTEGER && !s.text().equals("0")) {
                throw InputError.at(v, "expected " + what + " as a duration with a unit (e.g. 150ms, 2s, 1h), got " + s.text());
            }
            try {
                return Durations.parseNanos(s.text());
            } catch (IllegalArgumentException e) {
                throw InputError.at(v, e.getMessage());
            }
        }
        throw InputError.at(v, "expected " + what + " as a duration (e.g. 150ms, 2s, 1h), got " + v.describe());
    }
}
