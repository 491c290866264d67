package io.clustersim.scenarios.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Topology sections shared by tests, from {@code src/test/resources}. */
public final class Topologies {
    /** One region, three AZs, one server in each (zones a, b, c). */
    public static final String THREE_AZS = resource("/three-azs-topology.yaml");

    private Topologies() {}

    private static String resource(String name) {
        try (InputStream in = Topologies.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
