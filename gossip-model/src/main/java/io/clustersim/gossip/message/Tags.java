package io.clustersim.gossip.message;

import io.clustersim.kernel.network.Placement;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Serf tags (memberlist node meta). Nomad servers tag themselves with role, region, dc and more
 * (nomad nomad/server.go setupSerf); the model finds servers by these.
 */
public final class Tags {
    public static final String ROLE = "role";
    public static final String REGION = "region";
    public static final String DATACENTER = "dc";
    public static final String ZONE = "zone";

    private Tags() {}

    /** A member's role with its region, datacenter and zone, in key order (to add more to). */
    public static TreeMap<String, String> placed(String role, Placement place) {
        TreeMap<String, String> t = new TreeMap<>();
        t.put(ROLE, role);
        t.put(REGION, place.region());
        t.put(DATACENTER, place.datacenter());
        t.put(ZONE, place.zone());
        return t;
    }

    /**
     * An unmodifiable copy in key order, safe to iterate deterministically. A map this method made
     * is returned as it is: it cannot change, so every message and member record that carries the
     * same tags can share one instance (a push-pull of a large pool otherwise copies every
     * member's tags twice).
     */
    public static SortedMap<String, String> copyOf(Map<String, String> tags) {
        if (tags instanceof Frozen) {
            return (Frozen) tags;
        }
        return new Frozen(new TreeMap<>(tags));
    }

    /** Rough encoded size: keys, values and a few bytes of framing each. */
    public static int sizeBytes(Map<String, String> tags) {
        if (tags instanceof Frozen) {
            return ((Frozen) tags).sizeBytes;
        }
        return computeSizeBytes(tags);
    }

    private static int computeSizeBytes(Map<String, String> tags) {
        int n = 2;
        for (Map.Entry<String, String> e : tags.entrySet()) {
            n += e.getKey().length() + e.getValue().length() + 4;
        }
        return n;
    }

    /**
     * What {@link #copyOf} returns: an unmodifiable sorted map over a private copy, so its
     * contents can never change, with its encoded size computed once.
     */
    private static final class Frozen extends AbstractMap<String, String> implements SortedMap<String, String> {
        private final SortedMap<String, String> view;
        final int sizeBytes;

        Frozen(TreeMap<String, String> copy) {
            this.view = Collections.unmodifiableSortedMap(copy);
            this.sizeBytes = computeSizeBytes(copy);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return view.entrySet();
        }

        @Override
        public int size() {
            return view.size();
        }

        @Override
        public boolean isEmpty() {
            return view.isEmpty();
        }

        @Override
        public boolean containsKey(Object key) {
            return view.containsKey(key);
        }

        @Override
        public String get(Object key) {
            return view.get(key);
        }

        @Override
        public Comparator<? super String> comparator() {
            return view.comparator();
        }

        @Override
        public SortedMap<String, String> subMap(String fromKey, String toKey) {
            return view.subMap(fromKey, toKey);
        }

        @Override
        public SortedMap<String, String> headMap(String toKey) {
            return view.headMap(toKey);
        }

        @Override
        public SortedMap<String, String> tailMap(String fromKey) {
            return view.tailMap(fromKey);
        }

        @Override
        public String firstKey() {
            return view.firstKey();
        }

        @Override
        public String lastKey() {
            return view.lastKey();
        }

        @Override
        public Set<String> keySet() {
            return view.keySet();
        }

        @Override
        public Collection<String> values() {
            return view.values();
        }
    }
}
