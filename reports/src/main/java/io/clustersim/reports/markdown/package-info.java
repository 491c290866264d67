/** The Markdown summary for CI job pages: {@code summary.md}. */
package io.clustersim.reports.markdown;
