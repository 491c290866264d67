package io.clustersim.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

class ChartsTest {
    private static JFreeChart byVariant(double... values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < values.length; i++) {
            data.addValue(values[i], "nodesMarkedDown", "variant " + i);
        }
        return ChartFactory.createLineChart("nodesMarkedDown by variant", "variant", "nodesMarkedDown", data);
    }

    @Test
    void when_everyValueIsZero_then_theAxisRunsFromZeroToOneNotOverAHundredMillionth() {
        JFreeChart chart = byVariant(0, 0, 0);
        String svg = Charts.svg(chart);
        assertThat(svg).doesNotContain("E-9").doesNotContain("0E0");
        assertThat(chart.getCategoryPlot().getRangeAxis().getRange().getLowerBound()).isZero();
        assertThat(chart.getCategoryPlot().getRangeAxis().getRange().getUpperBound()).isEqualTo(1);
    }

    @Test
    void when_valuesDiffer_then_theAxisIsLeftToJFreeChart() {
        JFreeChart chart = byVariant(0.93, 0.96, 0.97);
        Charts.svg(chart);
        // The line chart's axis includes zero and ends a little above the largest value.
        assertThat(chart.getCategoryPlot().getRangeAxis().getRange().getLowerBound()).isZero();
        assertThat(chart.getCategoryPlot().getRangeAxis().getRange().getUpperBound()).isBetween(0.97, 1.1);
    }
}
