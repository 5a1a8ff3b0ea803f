package org.habeas.oversight.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart drawn as SVG by the page itself (no script, nothing from another site): each series becomes the points
 * of a polyline on a fixed canvas, with the value axis from 0 to the largest value and a handful of labelled ticks.
 */
record LineChart(int width, int height, int left, int bottom, List<Line> lines, List<Tick> xTicks, List<Tick> yTicks) {

    static final int WIDTH = 760;
    static final int HEIGHT = 260;
    static final int LEFT = 56;
    static final int RIGHT = 12;
    static final int TOP = 12;
    static final int BOTTOM = 28;

    /** One series: its name (a message key or a code), its CSS class, and one value per point of the x axis. */
    record Series(String name, String css, List<Long> values) {
    }

    record Line(String name, String css, String points, long last) {
    }

    record Tick(double at, String label) {
    }

    static LineChart of(List<String> xLabels, List<Series> series) {
        long max = 1;
        for (Series s : series) {
            for (Long v : s.values()) {
                max = Math.max(max, v);
            }
        }
        int n = xLabels.size();
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        List<Line> lines = new ArrayList<>();
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.values().size(); i++) {
                double x = LEFT + (n <= 1 ? plotWidth / 2 : i * plotWidth / (n - 1));
                double y = TOP + plotHeight - s.values().get(i) * plotHeight / max;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            lines.add(new Line(s.name(), s.css(), points.toString().strip(),
                    s.values().isEmpty() ? 0 : s.values().get(s.values().size() - 1)));
        }
        List<Tick> xTicks = new ArrayList<>();
        int step = Math.max(1, (n + 5) / 6);
        for (int i = 0; i < n; i += step) {
            xTicks.add(new Tick(LEFT + (n <= 1 ? plotWidth / 2 : i * plotWidth / (n - 1)), xLabels.get(i)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            long value = Math.round(max * i / 4.0);
            yTicks.add(new Tick(TOP + plotHeight - value * plotHeight / max, String.valueOf(value)));
        }
        return new LineChart(WIDTH, HEIGHT, LEFT, HEIGHT - BOTTOM, lines, xTicks, yTicks);
    }
}
