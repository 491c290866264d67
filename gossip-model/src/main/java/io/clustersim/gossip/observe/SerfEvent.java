package io.clustersim.gossip.observe;

import java.util.SortedMap;

/** A Serf member event as delivered to {@code observer}'s event channel. */
public record SerfEvent(long timeNanos, String observer, SerfEventType type, String member,
        SortedMap<String, String> tags) {}
