/**
 * A small, safe YAML reader that keeps the line and column of every value, so that every input
 * error can name file, line, column and key path. Built on Jackson's YAML parser with hard limits
 * (size, nesting, no anchors, aliases or type tags) because scenario files come from users.
 */
package io.clustersim.scenarios.yaml;
