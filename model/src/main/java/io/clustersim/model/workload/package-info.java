/**
 * What the cluster is asked to run: the jobs of the scenario and the users who register, update
 * and submit them ({@link io.clustersim.model.workload.JobSubmitter}, one per region).
 */
package io.clustersim.model.workload;
