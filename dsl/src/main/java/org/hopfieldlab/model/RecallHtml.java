package org.hopfieldlab.model;

import java.util.Locale;

/** The notebook rendering of a {@link Recall}: a summary table and an inline SVG of the energy trace. */
final class RecallHtml {

    private RecallHtml() {}

    static String render(Recall r) {
        StringBuilder h = new StringBuilder("<div class=\"hopfield-recall\">");
        h.append("<table><tr><th style=\"text-align:left\">fixed point</th><td>").append(escape(r.fixedPoint().toString()))
                .append("</td></tr><tr><th style=\"text-align:left\">steps</th><td>").append(r.steps())
                .append(r.converged() ? " (converged)" : r.limitCycle() > 0 ? " (limit cycle, period " + r.limitCycle() + ")" : " (not converged)")
                .append("</td></tr><tr><th style=\"text-align:left\">energy</th><td>")
                .append(format(r.energies()[0])).append(" &rarr; ").append(format(r.energies()[r.steps()]))
                .append(r.energyLogScale() != 0 ? " &times; e<sup>" + format(r.energyLogScale()) + "</sup>" : "")
                .append(r.energyRiseStep() >= 0 ? " <b style=\"color:#c00\">rose at step " + r.energyRiseStep() + "</b>" : "")
                .append("</td></tr><tr><th style=\"text-align:left\">network</th><td>").append(escape(r.network().toString()))
                .append("</td></tr></table>");
        h.append("<div style=\"display:flex;gap:16px;align-items:flex-start\">");
        h.append(sparkline(r.energies(), r.energyRiseStep()));
        h.append(r.retrievalMap().mimeBundle().getOrDefault("text/html", ""));
        h.append("</div>");
        return h.append("</div>").toString();
    }

    /** A small self-contained SVG line of the energy per step; a red dot where it rose. */
    static String sparkline(double[] energies, int rise) {
        int width = 320;
        int height = 90;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double e : energies) {
            min = Math.min(min, e);
            max = Math.max(max, e);
        }
        double span = max > min ? max - min : 1;
        int n = Math.max(1, energies.length - 1);
        StringBuilder points = new StringBuilder();
        for (int t = 0; t < energies.length; t++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", 30 + (width - 40) * (double) t / n,
                    10 + (height - 30) * (max - energies[t]) / span));
        }
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">"
                        + "<title>energy per step</title>"
                        + "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"%s\"/>"
                        + "<text x=\"30\" y=\"%d\" font-size=\"10\">step 0</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">step %d</text>"
                        + "<text x=\"2\" y=\"12\" font-size=\"10\">E</text>",
                width, height, points.toString().trim(), height - 5, width - 10, height - 5, energies.length - 1));
        if (rise >= 0) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#d62728\"/>",
                    30 + (width - 40) * (double) rise / n, 10 + (height - 30) * (max - energies[rise]) / span));
        }
        return svg.append("</svg>").toString();
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
