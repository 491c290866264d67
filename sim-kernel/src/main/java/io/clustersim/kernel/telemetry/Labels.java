package io.clustersim.kernel.telemetry;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Which part of a deployment a value belongs to, e.g. {@code region=us-east, zone=us-east-1a}. */
public record Labels(SortedMap<String, String> values) implements Comparable<Labels> {
    /** The whole run. */
    public static final Labels NONE = new Labels(new TreeMap<>());

    public Labels {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public static Labels of(String key, String value) {
        return NONE.with(key, value);
    }

    public static Labels of(String k1, String v1, String k2, String v2) {
        return NONE.with(k1, v1).with(k2, v2);
    }

    public Labels with(String key, String value) {
        TreeMap<String, String> m = new TreeMap<>(values);
        m.put(key, value);
        return new Labels(m);
    }

    public String get(String key) {
        return values.get(key);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public int compareTo(Labels o) {
        return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }
}
