package org.hopfieldlab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hopfieldlab.display.RichDisplay;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * Turns a cell's value into a Jupyter MIME bundle: {@link RichDisplay} objects as they describe
 * themselves, Tablesaw figures as interactive plotly, Tablesaw tables as HTML, everything else as text.
 * {@code text/plain} is always present.
 *
 * <p>One renderer belongs to one kernel session: plotly's code is inlined into the first figure's
 * output only, so a notebook (and its exported HTML) works offline while later figures stay small.
 */
public final class MimeRenderer {

    static final String PLOTLY_RESOURCE = "META-INF/resources/webjars/plotly.js-dist/2.35.3/plotly.js";

    /** Tables longer than this show their head and tail only. */
    static final int TABLE_ROWS_SHOWN_IN_FULL = 20;
    static final int TABLE_HEAD_ROWS = 10;
    static final int TABLE_TAIL_ROWS = 5;

    private final AtomicInteger figureCount = new AtomicInteger();
    private final String sessionTag = Long.toString(System.nanoTime() & 0xffffffL, 36);
    private volatile boolean plotlyInlined;

    /** The richest bundle for {@code value}. */
    public Map<String, String> render(Object value) {
        Map<String, String> bundle = new LinkedHashMap<>();
        if (value instanceof RichDisplay) {
            bundle.putAll(((RichDisplay) value).mimeBundle());
            bundle.putIfAbsent("text/plain", String.valueOf(value));
        } else if (value instanceof Figure) {
            bundle.put("text/html", figureHtml((Figure) value));
            bundle.put("text/plain", "plotly figure with " + ((Figure) value).getTraces().length + " trace(s)");
        } else if (value instanceof Table) {
            Table table = (Table) value;
            bundle.put("text/html", tableHtml(table));
            bundle.put("text/plain", table.rowCount() <= TABLE_ROWS_SHOWN_IN_FULL ? table.printAll() : table.print());
        } else {
            bundle.put("text/plain", plainText(value));
        }
        return bundle;
    }

    /**
     * The value shown as one MIME type. A string is taken as content of that type
     * ({@code display("<b>hi</b>", "text/html")}); any other value must offer the type in its bundle.
     */
    public Map<String, String> render(Object value, String mimeType) {
        if (mimeType == null || !mimeType.contains("/")) {
            throw new IllegalArgumentException("mime type must look like 'text/html', got " + mimeType);
        }
        Map<String, String> bundle = new LinkedHashMap<>();
        if (value instanceof String) {
            bundle.put(mimeType, (String) value);
            bundle.putIfAbsent("text/plain", (String) value);
            return bundle;
        }
        Map<String, String> rich = render(value);
        if (!rich.containsKey(mimeType)) {
            throw new IllegalArgumentException("cannot display " + typeName(value) + " as " + mimeType
                    + "; it can be shown as " + String.join(", ", rich.keySet()));
        }
        bundle.put(mimeType, rich.get(mimeType));
        bundle.putIfAbsent("text/plain", rich.get("text/plain"));
        return bundle;
    }

    /** Text as JShell would print it: strings quoted, arrays with their elements. */
    static String plainText(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return '"' + (String) value + '"';
        }
        if (value instanceof Character) {
            return "'" + value + "'";
        }
        if (value.getClass().isArray()) {
            Object[] boxed = new Object[] {value};
            String text = Arrays.deepToString(boxed);
            return typeName(value) + "[" + Array.getLength(value) + "] " + text.substring(1, text.length() - 1);
        }
        return String.valueOf(value);
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName().replaceAll("\\[]$", "");
    }

    private String figureHtml(Figure figure) {
        // a JavaScript identifier: Tablesaw names variables after the div
        String divId = "hopfield_plot_" + sessionTag + "_" + figureCount.incrementAndGet();
        StringBuilder html = new StringBuilder();
        if (!plotlyInlined) {
            html.append(plotlyScript());
            plotlyInlined = true;
        }
        html.append(figure.divString(divId)).append(figure.asJavascript(divId));
        return html.toString();
    }

    /**
     * plotly's own code, once. Classic Notebook loads require.js, whose {@code define} would make plotly
     * register as an AMD module instead of the global {@code Plotly} the figures call: hide it meanwhile.
     */
    static String plotlyScript() {
        return "<script type=\"text/javascript\">window.__hopfieldDefine = window.define; window.define = undefined;</script>\n"
                + "<script type=\"text/javascript\">" + plotlySource() + "</script>\n"
                + "<script type=\"text/javascript\">window.define = window.__hopfieldDefine;</script>\n";
    }

    private static volatile String plotlySource;

    private static String plotlySource() {
        String source = plotlySource;
        if (source == null) {
            try (InputStream in = MimeRenderer.class.getClassLoader().getResourceAsStream(PLOTLY_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("plotly is missing from the kernel's class path: " + PLOTLY_RESOURCE);
                }
                // a literal "</script>" inside the code would end the HTML script element early
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            plotlySource = source;
        }
        return source;
    }

    static String tableHtml(Table table) {
        int rows = table.rowCount();
        StringBuilder html = new StringBuilder("<table class=\"hopfield-table\">");
        html.append("<caption style=\"caption-side: top\">").append(escape(table.name() == null ? "" : table.name()))
                .append(" (").append(rows).append(rows == 1 ? " row, " : " rows, ")
                .append(table.columnCount()).append(table.columnCount() == 1 ? " column)" : " columns)")
                .append("</caption><thead><tr>");
        for (String column : table.columnNames()) {
            html.append("<th>").append(escape(column)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        if (rows <= TABLE_ROWS_SHOWN_IN_FULL) {
            appendRows(html, table, 0, rows);
        } else {
            appendRows(html, table, 0, TABLE_HEAD_ROWS);
            html.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                html.append("<td>&#8942;</td>");
            }
            html.append("</tr>");
            appendRows(html, table, rows - TABLE_TAIL_ROWS, rows);
        }
        return html.append("</tbody></table>").toString();
    }

    private static void appendRows(StringBuilder html, Table table, int from, int to) {
        for (int r = from; r < to; r++) {
            html.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                html.append("<td>").append(escape(table.getString(r, c))).append("</td>");
            }
            html.append("</tr>");
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
