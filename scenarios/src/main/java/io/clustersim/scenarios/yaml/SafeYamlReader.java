package io.clustersim.scenarios.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a {@link YamlNode} tree with positions.
 *
 * <p>Limits, because a scenario is untrusted input: at most {@link #MAX_BYTES} bytes and
 * {@link #MAX_DEPTH} levels of nesting; anchors and aliases are refused (no alias bombs, and a
 * scenario never needs them); explicit type tags ({@code !!python/object}, {@code !foo}) are
 * refused; duplicate keys are errors rather than silently overwritten.
 */
public final class SafeYamlReader {
    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_DEPTH = 32;

    private final YAMLFactory factory;

    public SafeYamlReader() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_DEPTH + 8);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 8).build())
                .build();
    }

    public YamlNode read(Path file) {
        return read(file.toString(), text(file));
    }

    /** A scenario file's text, refused as {@link #read(Path)} refuses it: missing, a directory, too large, not UTF-8. */
    public static String text(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new InputError(name, 0, 0, "", "is a directory, expected a scenario YAML file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputError(name, 0, 0, "", "file is " + size + " bytes, larger than the limit of " + MAX_BYTES);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputError(name, 0, 0, "", "no such file");
        } catch (IOException e) {
            throw new InputError(name, 0, 0, "", "cannot read file: " + e.getMessage());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputError(name, 0, 0, "", "file is not UTF-8 text");
        }
    }

    public YamlNode read(String fileName, String text) {
        if (text.length() > MAX_BYTES) {
            throw new InputError(fileName, 0, 0, "", "document is larger than the limit of " + MAX_BYTES + " characters");
        }
        try (JsonParser p = factory.createParser(new StringReader(text))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InputError(fileName, 1, 1, "", "the file is empty, expected a scenario mapping");
            }
            YamlNode root = readValue((YAMLParser) p, fileName, "", 0);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new InputError(fileName, l.getLineNr(), l.getColumnNr(), "", "expected a single YAML document");
            }
            return root;
        } catch (InputError e) {
            throw e;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null && m.getProblemMark() != null) {
                // SnakeYAML knows where the problem is and what it is. Jackson's location and first
                // line are often its context instead: for a tab it said "1:8: while scanning for the
                // next token" about a tab at 2:1.
                Mark at = m.getProblemMark();
                throw new InputError(fileName, at.getLine() + 1, at.getColumn() + 1, "", "YAML syntax error: "
                        + m.getProblem().trim() + (m.getContext() == null ? "" : " (" + m.getContext().trim() + ")"));
            }
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage();
            throw new InputError(fileName, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), "",
                    "YAML syntax error: " + firstLine(msg));
        } catch (IOException | RuntimeException e) {
            throw new InputError(fileName, 0, 0, "", "YAML syntax error: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable YAML";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private YamlNode readValue(YAMLParser p, String file, String path, int depth) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        if (depth > MAX_DEPTH) {
            throw new InputError(file, line, col, path, "nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (p.isCurrentAlias() || p.getCurrentAnchor() != null) {
            throw new InputError(file, line, col, path, "YAML anchors and aliases are not supported in scenarios");
        }
        if (p.getTypeId() != null) {
            throw new InputError(file, line, col, path, "YAML type tags (" + p.getTypeId() + ") are not allowed");
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (entries.containsKey(key)) {
                        throw new InputError(file, kl.getLineNr(), kl.getColumnNr(), childPath, "duplicate key '" + key + "'");
                    }
                    p.nextToken();
                    entries.put(key, readValue(p, file, childPath, depth + 1));
                }
                return new YamlNode.Mapping(file, line, col, path, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, file, path + "[" + i++ + "]", depth + 1));
                }
                return new YamlNode.Sequence(file, line, col, path, items);
            }
            case VALUE_STRING -> {
                return new YamlNode.Scalar(file, line, col, path, p.getText(), YamlNode.Scalar.Kind.STRING);
            }
            case VALUE_NUMBER_INT -> {
                return new YamlNode.Scalar(file, line, col, path, p.getText(), YamlNode.Scalar.Kind.INTEGER);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(file, line, col, path, p.getText(), YamlNode.Scalar.Kind.FLOAT);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(file, line, col, path, p.getText(), YamlNode.Scalar.Kind.BOOLEAN);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(file, line, col, path, "", YamlNode.Scalar.Kind.NULL);
            }
            default -> throw new InputError(file, line, col, path, "unexpected YAML token " + t);
        }
    }
}
