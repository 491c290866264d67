/** Tables for spreadsheets and notebooks: {@code runs.csv}. */
package io.clustersim.reports.csv;
