/**
 * Entry points for the JMH benchmarks. Why a runner of our own beside {@code org.openjdk.jmh.Main}:
 * it runs the agreed HOLD comparison with one command and prints the figure people ask for,
 * events per second per implementation and pending-set size, rather than JMH's raw table.
 */
package io.clustersim.benchmarks;
