package io.clustersim.reports.html;

import io.clustersim.model.topology.AgentPlacement;
import io.clustersim.model.topology.Role;
import io.clustersim.model.topology.Topology;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.svg.SVGGraphics2D;

/**
 * A drawing of the scenario's topology: a band per region, a box per datacenter, a column per
 * zone with its servers as circles (named) and its clients (or Serf members) as a count. Drawn
 * with JFreeSVG's Graphics2D, so it inlines like the charts.
 */
final class TopologyDrawing {
    private static final int ZONE_WIDTH = 150;
    private static final int SERVER_SIZE = 26;
    private static final int PER_ROW = 4;
    private static final int PAD = 10;
    private static final Color SERVER = new Color(46, 125, 50);
    private static final Color CLIENT = new Color(120, 144, 156);

    private TopologyDrawing() {}

    static String svg(Topology topology) {
        if (topology.regions().isEmpty()) {
            return "";
        }
        Map<String, List<String>> serversByZone = new TreeMap<>();
        for (AgentPlacement p : topology.placements()) {
            if (p.role() == Role.SERVER) {
                serversByZone.computeIfAbsent(p.placement().region() + "/" + p.placement().zone(), z -> new ArrayList<>()).add(p.name());
            }
        }
        int zoneHeight = 0;
        int widest = 0;
        for (Topology.Region r : topology.regions()) {
            int zones = 0;
            for (Topology.Datacenter d : r.datacenters()) {
                for (Topology.Zone z : d.zones()) {
                    zoneHeight = Math.max(zoneHeight, 56 + rows(z.servers()) * (SERVER_SIZE + 16));
                    zones++;
                }
            }
            widest = Math.max(widest, zones * (ZONE_WIDTH + PAD) + r.datacenters().size() * 2 * PAD + 2 * PAD);
        }
        int regionHeight = zoneHeight + 54;
        int width = Math.max(widest, 300);
        int height = topology.regions().size() * (regionHeight + PAD) + PAD;
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setPaint(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int y = PAD;
        for (Topology.Region r : topology.regions()) {
            box(g, PAD / 2, y, width - PAD, regionHeight, new Color(245, 245, 250), Color.GRAY);
            SvgText.draw(g, "region " + r.name(), PAD, y + 16, Font.BOLD, 13);
            int x = PAD;
            for (Topology.Datacenter d : r.datacenters()) {
                int dcWidth = d.zones().size() * (ZONE_WIDTH + PAD) + PAD;
                box(g, x, y + 24, dcWidth, zoneHeight + 24, new Color(250, 250, 250), Color.LIGHT_GRAY);
                SvgText.draw(g, "datacenter " + d.name(), x + 6, y + 40, Font.PLAIN, 11);
                int zx = x + PAD;
                for (Topology.Zone z : d.zones()) {
                    zone(g, zx, y + 46, zoneHeight - 4, z, serversByZone.getOrDefault(r.name() + "/" + z.name(), List.of()));
                    zx += ZONE_WIDTH + PAD;
                }
                x += dcWidth + PAD;
            }
            y += regionHeight + PAD;
        }
        return g.getSVGElement();
    }

    private static int rows(int servers) {
        return Math.max(1, (servers + PER_ROW - 1) / PER_ROW);
    }

    private static void zone(SVGGraphics2D g, int x, int y, int height, Topology.Zone z, List<String> servers) {
        box(g, x, y, ZONE_WIDTH, height, Color.WHITE, new Color(180, 180, 200));
        SvgText.draw(g, "zone " + z.name(), x + 6, y + 14, Font.PLAIN, 11);
        for (int i = 0; i < servers.size(); i++) {
            int cx = x + 8 + (i % PER_ROW) * (SERVER_SIZE + 10);
            int cy = y + 22 + (i / PER_ROW) * (SERVER_SIZE + 16);
            g.setPaint(SERVER);
            g.fill(new Ellipse2D.Double(cx, cy, SERVER_SIZE, SERVER_SIZE));
            SvgText.draw(g, "S", cx + SERVER_SIZE / 2 - 4, cy + SERVER_SIZE / 2 + 5, Font.BOLD, 12, Color.WHITE);
            String name = servers.get(i);
            SvgText.draw(g, name.length() > 9 ? name.substring(name.length() - 9) : name, cx - 2, cy + SERVER_SIZE + 11, Font.PLAIN, 8);
        }
        StringBuilder below = new StringBuilder();
        if (z.clients() > 0) {
            below.append(String.format(java.util.Locale.ROOT, "%,d clients", z.clients()));
        }
        if (z.serversRunClients()) {
            below.append(below.length() > 0 ? ", " : "").append("servers run clients");
        }
        if (z.members() > 0) {
            below.append(below.length() > 0 ? ", " : "").append(String.format(java.util.Locale.ROOT, "%,d Serf members", z.members()));
        }
        if (below.length() > 0) {
            g.setPaint(CLIENT);
            g.fillRect(x + 6, y + height - 22, 10, 10);
            SvgText.draw(g, below.toString(), x + 20, y + height - 13, Font.PLAIN, 10);
        }
    }

    private static void box(SVGGraphics2D g, int x, int y, int w, int h, Color fill, Color edge) {
        RoundRectangle2D r = new RoundRectangle2D.Double(x, y, w, h, 10, 10);
        g.setPaint(fill);
        g.fill(r);
        g.setPaint(edge);
        g.setStroke(new BasicStroke(1));
        g.draw(r);
    }
}
