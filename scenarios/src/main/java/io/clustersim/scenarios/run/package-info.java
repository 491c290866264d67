/**
 * Running a scenario: building the world from it, driving it for its duration with the given
 * seed, and collecting the results that reports are made of. Nothing here reads the wall clock;
 * wall-clock facts about a run are the CLI's business.
 */
package io.clustersim.scenarios.run;
