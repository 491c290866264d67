package io.clustersim.scenarios.schema;

import io.clustersim.scenarios.yaml.InputError;
import io.clustersim.scenarios.yaml.YamlMap;
import io.clustersim.scenarios.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code sweep:}, a grid over anything the format has, by key path, and expands it into one
 * scenario document per combination (first key slowest):
 * <pre>
 *   sweep:
 *     topology.regions[0].datacenters[0].zones[0].servers: [1, 2]
 *     network.latency.crossZone: [1ms, 5ms, { lognormal: { median: 20ms, p99: 60ms } }]
 * </pre>
 * Each variant is validated as a whole file would be; an error names the sweep value it came from.
 * A missing key on the way is created (e.g. {@code raft.multiplier} where there is no {@code raft:}).
 */
final class Sweep {
    /** At most this many combinations: each is a full set of replications. */
    static final int MAX_VARIANTS = 1000;

    private record Axis(String keyPath, List<String> steps, List<YamlNode> values) {}

    private Sweep() {}

    /** The variants of {@code root}: pairs of a label ("servers=1, crossZone=5ms") and a document without {@code sweep:}. */
    static List<Map.Entry<String, YamlNode>> expand(YamlNode.Mapping root) {
        YamlNode sweep = root.entries().get("sweep");
        Map<String, YamlNode> rest = new LinkedHashMap<>(root.entries());
        rest.remove("sweep");
        YamlNode.Mapping base = new YamlNode.Mapping(root.file(), root.line(), root.column(), root.path(), rest);
        if (sweep == null) {
            return List.of(Map.entry("", base));
        }
        List<Axis> axes = new ArrayList<>();
        long combinations = 1;
        for (Map.Entry<String, YamlNode> e : YamlMap.of(sweep, "a sweep: key paths to lists of values").node().entries().entrySet()) {
            if (!(e.getValue() instanceof YamlNode.Sequence values) || values.items().isEmpty()) {
                throw InputError.at(e.getValue(), "expected a non-empty list of values for " + e.getKey());
            }
            axes.add(new Axis(e.getKey(), steps(e.getKey(), e.getValue()), values.items()));
            combinations *= values.items().size();
            if (combinations > MAX_VARIANTS) {
                throw InputError.at(sweep, "the sweep has more than " + MAX_VARIANTS + " combinations");
            }
        }
        List<Map.Entry<String, YamlNode>> out = new ArrayList<>();
        out.add(Map.entry("", base));
        for (Axis a : axes) {
            List<Map.Entry<String, YamlNode>> next = new ArrayList<>();
            for (Map.Entry<String, YamlNode> v : out) {
                for (YamlNode value : a.values) {
                    String label = (v.getKey().isEmpty() ? "" : v.getKey() + ", ") + a.steps.get(a.steps.size() - 1).replaceAll("\\[\\d+\\]$", "")
                            + "=" + text(value);
                    next.add(Map.entry(label, set(v.getValue(), a.steps, 0, value, a.keyPath)));
                }
            }
            out = next;
        }
        return out;
    }

    /** A key path as steps: {@code a.b[0].c} is {@code a}, {@code b}, {@code [0]}, {@code c}. */
    private static List<String> steps(String keyPath, YamlNode at) {
        List<String> steps = new ArrayList<>();
        for (String part : keyPath.split("\\.")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)((\\[\\d+\\])*)").matcher(part);
            if (!m.matches()) {
                throw InputError.at(at, "expected a key path such as topology.regions[0].datacenters[0].zones[0].servers, got '"
                        + keyPath + "'");
            }
            steps.add(m.group(1));
            java.util.regex.Matcher idx = java.util.regex.Pattern.compile("\\[(\\d+)\\]").matcher(m.group(2));
            while (idx.find()) {
                steps.add("[" + idx.group(1) + "]");
            }
        }
        return steps;
    }

    /** A copy of {@code node} with {@code value} at the steps from {@code i}. */
    private static YamlNode set(YamlNode node, List<String> steps, int i, YamlNode value, String keyPath) {
        if (i == steps.size()) {
            return value;
        }
        String step = steps.get(i);
        if (step.startsWith("[")) {
            int index = Integer.parseInt(step.substring(1, step.length() - 1));
            if (!(node instanceof YamlNode.Sequence s) || index >= s.items().size()) {
                throw InputError.at(value, "the sweep's key path " + keyPath + " names an item that is not there");
            }
            List<YamlNode> items = new ArrayList<>(s.items());
            items.set(index, set(items.get(index), steps, i + 1, value, keyPath));
            return new YamlNode.Sequence(s.file(), s.line(), s.column(), s.path(), items);
        }
        YamlNode.Mapping m = node instanceof YamlNode.Mapping mm ? mm
                : new YamlNode.Mapping(value.file(), value.line(), value.column(), keyPath, Map.of());
        if (!(node instanceof YamlNode.Mapping) && node != null && !(node instanceof YamlNode.Scalar sc && sc.kind() == YamlNode.Scalar.Kind.NULL)) {
            throw InputError.at(value, "the sweep's key path " + keyPath + " goes through " + node.describe() + ", not a mapping");
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>(m.entries());
        entries.put(step, set(entries.get(step), steps, i + 1, value, keyPath));
        return new YamlNode.Mapping(m.file(), m.line(), m.column(), m.path(), entries);
    }

    private static String text(YamlNode v) {
        if (v instanceof YamlNode.Scalar s) {
            return s.text();
        }
        return "(" + v.line() + ":" + v.column() + ")";
    }
}
