package io.clustersim.gossip.message;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Serf's push-pull payload ({@code messagePushPull}): its Lamport time, every member's status
 * Lamport time, and the members that left, so that a sync spreads leaves that gossip missed.
 */
public record SerfPushPull(long ltime, SortedMap<String, Long> statusLTimes, List<String> leftMembers) implements UserState {
    public SerfPushPull {
        statusLTimes = Collections.unmodifiableSortedMap(new TreeMap<>(statusLTimes));
        leftMembers = List.copyOf(leftMembers);
    }

    @Override
    public int sizeBytes() {
        int n = 16;
        for (Map.Entry<String, Long> e : statusLTimes.entrySet()) {
            n += e.getKey().length() + 9;
        }
        for (String s : leftMembers) {
            n += s.length() + 2;
        }
        return n;
    }
}
