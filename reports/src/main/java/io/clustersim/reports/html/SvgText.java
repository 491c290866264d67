package io.clustersim.reports.html;

import java.awt.Color;
import java.awt.Font;
import org.jfree.svg.SVGGraphics2D;

/** Text drawn into the report's hand-made SVG figures (the topology, the role timeline), in their one font. */
final class SvgText {
    private SvgText() {}

    static void draw(SVGGraphics2D g, String text, int x, int y, int style, int size) {
        draw(g, text, x, y, style, size, Color.DARK_GRAY);
    }

    static void draw(SVGGraphics2D g, String text, int x, int y, int style, int size, Color color) {
        g.setPaint(color);
        g.setFont(new Font(Font.SANS_SERIF, style, size));
        g.drawString(text, x, y);
    }
}
