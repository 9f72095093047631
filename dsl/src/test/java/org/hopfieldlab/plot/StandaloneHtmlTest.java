package org.hopfieldlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.plotly.components.Figure;

class StandaloneHtmlTest {

    private static final Pattern JS_IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static String plotly;

    @BeforeAll
    static void readPlotlyFromTheWebjar() throws IOException {
        try (InputStream in = StandaloneHtmlTest.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/plotly.js-dist/2.35.3/plotly.js")) {
            plotly = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void savedPageInlinesPlotlyOnceAndCarriesTheFigureData(@TempDir Path dir) throws IOException {
        double[] energies = {3.25, 1.5, -0.75, -2.125};
        Path file = Plots.saveHtml(Plots.energyTrace(energies), dir.resolve("out/energy.html"));
        assertEquals(dir.resolve("out/energy.html"), file);
        String html = Files.readString(file);

        int at = html.indexOf(plotly);
        assertTrue(at > 0, "the whole of plotly.js is in the page");
        assertEquals(at, html.lastIndexOf(plotly), "and only once");
        assertEquals(1, count(html, "* plotly.js v2.35.3"));
        assertEquals(0, count(html, "<script src="), "no external script: the page opens offline");
        String figure = html.substring(at + plotly.length());
        assertEquals(1, count(figure, "Plotly.newPlot("), "one figure drawn after plotly has loaded");
        assertTrue(figure.contains("[3.25,1.5,-0.75,-2.125]"), "the energies are in the page");
        assertTrue(html.contains("<title>Energy per step</title>"));
    }

    @Test
    void theDivIdIsAJavaScriptIdentifierUsedByTheScript() {
        String html = Plots.standaloneHtml(Plots.heatmap(new double[][] {{1, 2}}, "W", "j", "i"));
        Matcher div = Pattern.compile("<div id='([^']*)'").matcher(html);
        assertTrue(div.find());
        String id = div.group(1);
        assertTrue(JS_IDENTIFIER.matcher(id).matches(), id);
        assertTrue(html.contains("document.getElementById('" + id + "')"));
        assertTrue(html.indexOf("<div id='" + id + "'") < html.lastIndexOf("Plotly.newPlot("), "div before the script");
    }

    @Test
    void aLabelCannotEndTheScriptEarly() {
        Figure figure = Plots.basins(new double[] {0, 0.5}, new double[] {1, 0}, "</script><b>x");
        String html = Plots.standaloneHtml(figure);
        String afterPlotly = html.substring(html.indexOf(plotly) + plotly.length());
        assertEquals(2, count(afterPlotly, "</script>"), "only the ends of the plotly and figure scripts");
    }

    @Test
    void figureDisplayRendersWithAFreshIdentifierEachTime() {
        FigureDisplay display = FigureDisplay.of(Plots.attention(new double[] {0.25, 0.75}, 2));
        Map<String, String> first = display.mimeBundle();
        Map<String, String> second = display.mimeBundle();
        Matcher a = Pattern.compile("<div id='([^']*)'").matcher(first.get("text/html"));
        Matcher b = Pattern.compile("<div id='([^']*)'").matcher(second.get("text/html"));
        assertTrue(a.find() && b.find());
        assertTrue(JS_IDENTIFIER.matcher(a.group(1)).matches());
        assertNotEquals(a.group(1), b.group(1));
        assertTrue(first.get("text/html").contains("Plotly.newPlot("));
        assertTrue(!first.get("text/html").contains(plotly.substring(0, 200)), "the kernel supplies plotly, not the cell");
        assertEquals("figure 'Top 2 of 2 memories hold 100.0% of the weight' (1 trace)", first.get("text/plain"));
    }
}
