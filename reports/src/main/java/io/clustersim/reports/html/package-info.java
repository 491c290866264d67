/** The self-contained {@code report.html}: tables and charts (JFreeChart drawn as inline SVG), no network resource. */
package io.clustersim.reports.html;
