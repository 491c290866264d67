package io.clustersim.model.structs;

/** nomad {@code structs.JobTypeService}, {@code JobTypeBatch}, {@code JobTypeSystem}. */
public enum JobType {
    SERVICE,
    BATCH,
    SYSTEM
}
