package org.hopfieldlab.plot;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A Tablesaw {@link Figure} whose layout can also carry plotly attributes that Tablesaw's
 * {@link Layout} has no builder method for: annotations, subplot axes, colour bars, scale anchors.
 *
 * <p>It stays an ordinary Figure for the caller: {@link #setLayout}, {@link #setTraces} and
 * {@link #setConfig} work as usual. The extras are merged (recursively, extras winning) into
 * whatever layout is set when the figure is written, so a caller who swaps in a new title keeps
 * the energy-rise annotations. A figure whose layout is set to {@code null} drops the extras.
 */
public final class PlotlyFigure extends Figure {

    /** Name of the merge helper in the emitted script; tests look for it. */
    static final String MERGE_FUNCTION = "hopfieldlabMergeLayout";

    private final Map<String, Object> layoutExtras;

    PlotlyFigure(Layout layout, Map<String, Object> layoutExtras, Trace... traces) {
        super(layout, traces);
        this.layoutExtras = new LinkedHashMap<>(layoutExtras);
    }

    /**
     * The plotly layout attributes added on top of the Tablesaw layout, as plotly names them
     * ({@code "annotations"}, {@code "xaxis2"}, ...). The map is live: changes show in the next
     * {@link #asJavascript(String)}.
     */
    public Map<String, Object> layoutExtras() {
        return layoutExtras;
    }

    /** For example {@code figure 'Energy per step' (2 traces)}, a line fit for JShell. */
    @Override
    public String toString() {
        String title = getLayout() == null ? "" : getLayout().getTitle();
        int traces = getTraces() == null ? 0 : getTraces().length;
        return "figure '" + title + "' (" + traces + (traces == 1 ? " trace)" : " traces)");
    }

    @Override
    protected void buildContext(String divName) {
        super.buildContext(divName);
        if (getLayout() == null || layoutExtras.isEmpty()) {
            return;
        }
        // The figure script declares `var layout = {...}` first and calls Plotly.newPlot last,
        // so a merge appended to the declarations runs in between.
        String merge = "function " + MERGE_FUNCTION + "(target, source) {\n"
                + "  Object.keys(source).forEach(function (key) {\n"
                + "    var value = source[key];\n"
                + "    if (value && typeof value === 'object' && !Array.isArray(value)\n"
                + "        && target[key] && typeof target[key] === 'object') {\n"
                + "      " + MERGE_FUNCTION + "(target[key], value);\n"
                + "    } else {\n"
                + "      target[key] = value;\n"
                + "    }\n"
                + "  });\n"
                + "}\n"
                + MERGE_FUNCTION + "(layout, " + Json.write(layoutExtras) + ");\n";
        getContext().put("figure", getContext().get("figure") + merge);
    }
}
