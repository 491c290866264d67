package io.clustersim.kernel.event;

/** What happens when a scheduled event comes due. */
@FunctionalInterface
public interface EventHandler {
    void onEvent();
}
