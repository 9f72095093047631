package org.hopfieldlab.plot;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.plotly.components.HoverLabel;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A plotly trace written from an attribute map. Tablesaw's own traces cannot express what these
 * figures need (colour scales, text labels, gaps, subplot axes), and its heatmap and contour traces
 * always name themselves {@code trace0}, which breaks a figure holding two of them.
 */
final class JsonTrace implements Trace {

    private final Map<String, Object> attributes;

    JsonTrace(Map<String, Object> attributes) {
        this.attributes = new LinkedHashMap<>(attributes);
    }

    @Override
    public String asJavascript(int i) {
        return "var trace" + i + " = " + Json.write(attributes) + ";";
    }

    @Override
    public String name() {
        Object name = attributes.get("name");
        return name == null ? null : name.toString();
    }

    @Override
    public HoverLabel hoverLabel() {
        return null;
    }

    @Override
    public boolean showLegend() {
        return !Boolean.FALSE.equals(attributes.get("showlegend"));
    }

    @Override
    public String toString() {
        return attributes.get("type") + " trace " + (name() == null ? "" : "'" + name() + "'");
    }
}
