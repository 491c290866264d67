/**
 * The journal of finished runs: each run of a sweep or of replications is appended, as it
 * completes, to {@code finished-runs.jsonl} in the output directory, so that a long sweep that is
 * interrupted resumes where it stopped instead of starting over.
 */
package io.clustersim.reports.journal;
