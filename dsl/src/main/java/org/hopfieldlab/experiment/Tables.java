package org.hopfieldlab.experiment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The results as Tablesaw tables and as notebook HTML: one row per x value, one column per series. */
final class Tables {
    private Tables() {}

    static Table of(String name, String[] columns, double[]... values) {
        Table table = Table.create(name);
        for (int c = 0; c < columns.length; c++) {
            table.addColumns(DoubleColumn.create(columns[c], values[c]));
        }
        return table;
    }

    static double[] doubles(int[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** text/plain is the record's one-liner; text/html a small table of every value. */
    static Map<String, String> bundle(String text, String[] columns, double[]... values) {
        StringBuilder h = new StringBuilder("<div class=\"hopfield-experiment\"><p>").append(escape(text))
                .append("</p><table><tr>");
        for (String c : columns) {
            h.append("<th>").append(escape(c)).append("</th>");
        }
        h.append("</tr>");
        for (int r = 0; r < values[0].length; r++) {
            h.append("<tr>");
            for (double[] column : values) {
                h.append("<td>").append(String.format(Locale.ROOT, "%.4g", column[r])).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table></div>");
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", text);
        bundle.put("text/html", h.toString());
        return bundle;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
