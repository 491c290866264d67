package io.clustersim.model.structs;

/** nomad {@code structs.AllocDesiredStatusRun}, {@code Stop}: what the scheduler wants. */
public enum AllocDesiredStatus {
    RUN,
    STOP
}
