/**
 * Writers of machine-readable reports. {@code report.json} is a pure function of (scenario, seed)
 * so that two runs can be compared byte for byte; anything that depends on the wall clock goes to
 * {@code run-info.json}. Files are written to a temporary name and moved into place, so a reader
 * never sees a partial report.
 */
package io.clustersim.reports.json;
