package io.clustersim.model.structs;

/** Why an evaluation was made (nomad {@code structs.EvalTrigger*}). */
public enum EvalTrigger {
    JOB_REGISTER,
    NODE_UPDATE,
    /** A blocked evaluation that capacity changes let go again. */
    QUEUED_ALLOCS
}
