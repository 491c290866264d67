package io.clustersim.kernel.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes each event as one JSON object per line:
 * {@code {"tNanos":1500000000,"kind":"DELIVER","src":"server-1","dst":"server-2","type":"AppendEntries"}}.
 * Absent fields (a null source, destination, type or detail) are left out.
 * Hand-written because the schema is flat and this sits on the event path.
 */
public final class JsonLinesTraceSink implements TraceSink, AutoCloseable {
    private final Writer out;

    public JsonLinesTraceSink(Writer out) {
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
    }

    @Override
    public void record(long time, TraceKind kind, String source, String destination, String type, String detail) {
        StringBuilder sb = new StringBuilder(96);
        sb.append("{\"tNanos\":").append(time).append(",\"kind\":\"").append(kind.name()).append('"');
        field(sb, "src", source);
        field(sb, "dst", destination);
        field(sb, "type", type);
        field(sb, "detail", detail);
        sb.append("}\n");
        try {
            out.write(sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void field(StringBuilder sb, String name, String value) {
        if (value == null) {
            return;
        }
        sb.append(",\"").append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
