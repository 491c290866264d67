package io.clustersim.scenarios.schema;

import io.clustersim.scenarios.yaml.InputError;
import io.clustersim.scenarios.yaml.YamlMap;
import io.clustersim.scenarios.yaml.YamlNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes in scenario files: {@code 0}, {@code 512KB}, {@code 2.5GB} (decimal units). */
final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB)?");

    private Sizes() {}

    static long bytes(YamlNode v, String what) {
        String text = YamlMap.asString(v, what);
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw InputError.at(v, "expected " + what + ", got '" + text + "'");
        }
        double x = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        double factor = switch (unit) {
            case "KB" -> 1e3;
            case "MB" -> 1e6;
            case "GB" -> 1e9;
            case "TB" -> 1e12;
            default -> 1;
        };
        return Math.round(x * factor);
    }
}
