package io.clustersim.reports.html;

import io.clustersim.kernel.trace.TraceKind;
import io.clustersim.kernel.trace.TraceSink;
import io.clustersim.scenarios.run.InvariantViolated;
import io.clustersim.scenarios.run.ScenarioRunner;
import io.clustersim.scenarios.schema.Scenario;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A message sequence (Lamport) diagram of the servers around a moment, drawn as SVG: a lifeline per
 * server, an arrow per message from its sending to its delivery (a dropped one ends in a cross),
 * crashes and starts marked. The window is re-simulated with a trace sink: the run is
 * deterministic, so it is the same run, cut short at the window's end.
 */
final class SequenceDiagram {
    /** At most this many messages are drawn; the diagram says when it left some out. */
    static final int MAX_MESSAGES = 160;

    private record Send(long at, String from, String to, String type) {}

    private record Arrow(Send send, long at, boolean dropped) {}

    private record Mark(long at, String node, String what) {}

    private SequenceDiagram() {}

    static String svg(Scenario scenario, long from, long to) {
        List<Arrow> arrows = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        Map<String, Deque<Send>> inFlight = new TreeMap<>();
        TreeSet<String> servers = new TreeSet<>((a, b) -> a.length() != b.length() ? a.length() - b.length() : a.compareTo(b));
        int[] left = {0};
        TraceSink sink = (time, kind, src, dst, type, detail) -> {
            if (time < from || time > to || src == null || !src.startsWith("server-")) {
                return;
            }
            if (kind == TraceKind.CRASH || kind == TraceKind.START || kind == TraceKind.EXIT) {
                servers.add(src);
                marks.add(new Mark(time, src, kind.name().toLowerCase(Locale.ROOT)));
                return;
            }
            if (dst == null || !dst.startsWith("server-")) {
                return;
            }
            String key = src + ">" + dst + ">" + type;
            if (kind == TraceKind.SEND) {
                inFlight.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(new Send(time, src, dst, type));
            } else if (kind == TraceKind.DELIVER || kind == TraceKind.DROP) {
                Deque<Send> q = inFlight.get(key);
                Send s = q == null ? null : q.pollFirst();
                if (s == null) {
                    return;
                }
                if (arrows.size() >= MAX_MESSAGES) {
                    left[0]++;
                    return;
                }
                servers.add(src);
                servers.add(dst);
                arrows.add(new Arrow(s, time, kind == TraceKind.DROP));
            }
        };
        try {
            new ScenarioRunner().run(scenario.withDuration(to), sink);
        } catch (InvariantViolated v) {
            // The report already says so; the diagram shows what led to it.
        }
        if (servers.isEmpty()) {
            return "";
        }
        return draw(new ArrayList<>(servers), arrows, marks, from, to, left[0]);
    }

    private static String draw(List<String> servers, List<Arrow> arrows, List<Mark> marks, long from, long to, int left) {
        int width = 860;
        int top = 40;
        int height = 520;
        double span = Math.max(1, to - from);
        int gap = (width - 120) / Math.max(1, servers.size() - 1 == 0 ? 1 : servers.size() - 1);
        Map<String, Integer> x = new TreeMap<>();
        for (int i = 0; i < servers.size(); i++) {
            x.put(servers.get(i), 60 + (servers.size() == 1 ? (width - 120) / 2 : i * gap));
        }
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height + 30)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">");
        s.append("<defs><marker id=\"arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"3\" orient=\"auto\">")
                .append("<path d=\"M0,0 L7,3 L0,6 z\" fill=\"#336\"/></marker></defs>");
        for (String n : servers) {
            int cx = x.get(n);
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" text-anchor=\"middle\">%s</text>", cx, HtmlReport.esc(n)));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", cx, top, cx, top + height));
        }
        for (Arrow a : arrows) {
            double y1 = top + (a.send.at() - from) / span * height;
            double y2 = top + (a.at - from) / span * height;
            int x1 = x.get(a.send.from());
            int x2 = x.get(a.send.to());
            if (a.dropped) {
                double xm = (x1 + x2) / 2.0;
                double ym = (y1 + y2) / 2.0;
                s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c33\" stroke-dasharray=\"3,2\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\" fill=\"#c33\">x</text>", x1, y1, xm, ym, xm - 3, ym + 4));
            } else {
                s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#336\" marker-end=\"url(#arrow)\">"
                        + "<title>%s</title></line>", x1, y1, x2, y2, HtmlReport.esc(a.send.type())));
            }
        }
        for (Mark m : marks) {
            double y = top + (m.at() - from) / span * height;
            int cx = x.get(m.node());
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"60\" height=\"14\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" fill=\"white\">%s</text>", cx - 30, y - 7,
                    m.what().equals("start") ? "#393" : "#c33", cx - 26, y + 4, HtmlReport.esc(m.what())));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%.3f s to %.3f s%s</text>", top + height + 22, from / 1e9, to / 1e9,
                left > 0 ? " (" + left + " more messages left out)" : ""));
        return s.append("</svg>").toString();
    }
}
