package org.hopfieldlab.plot;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.hopfieldlab.display.RichDisplay;
import tech.tablesaw.plotly.components.Figure;

/**
 * A Tablesaw {@link Figure} as a {@link RichDisplay}, for places that need one display type for
 * both figures and image grids (a retrieval map, a result that shows several parts at once).
 *
 * <p>Its HTML is a div plus a script that calls the global {@code Plotly}, which the kernel loads
 * once per session; each rendering gets a fresh div id, so the same figure may be shown twice.
 */
public final class FigureDisplay implements RichDisplay {

    private static final AtomicLong NEXT_ID = new AtomicLong();

    private final Figure figure;

    private FigureDisplay(Figure figure) {
        this.figure = figure;
    }

    /** Wraps a figure; later changes to the figure show in later renderings. */
    public static FigureDisplay of(Figure figure) {
        return new FigureDisplay(Check.notNull(figure, "figure"));
    }

    /** The wrapped figure, still open to changes. */
    public Figure figure() {
        return figure;
    }

    /** Saves the figure as a standalone HTML page; see {@link Plots#saveHtml(Figure, Path)}. */
    public Path saveHtml(Path file) {
        return Plots.saveHtml(figure, file);
    }

    @Override
    public Map<String, String> mimeBundle() {
        // Tablesaw derives a JavaScript variable name from the div id: letters, digits and '_' only.
        String div = "hopfieldlab_fig_" + NEXT_ID.incrementAndGet();
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", figure.divString(div) + figure.asJavascript(div));
        bundle.put("text/plain", toString());
        return bundle;
    }

    /** For example {@code figure 'States' (1 trace)}. */
    @Override
    public String toString() {
        String title = figure.getLayout() == null ? "" : figure.getLayout().getTitle();
        int traces = figure.getTraces() == null ? 0 : figure.getTraces().length;
        return "figure '" + title + "' (" + traces + (traces == 1 ? " trace)" : " traces)");
    }
}
