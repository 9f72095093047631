package org.hopfieldlab.plot;

import static org.hopfieldlab.plot.PlotlyScript.matrix;
import static org.hopfieldlab.plot.PlotlyScript.strings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hopfieldlab.display.RichDisplay;
import org.junit.jupiter.api.Test;

class RetrievalMapTest {

    private static double[] constant(int n, double v) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, v);
        return x;
    }

    private static List<String> captions(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<figcaption[^>]*>([^<]*)</figcaption>").matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void imagePatternsGiveOneRowOfImagesInRecallOrder() {
        double[][] steps = {constant(16, 0.1), constant(16, 0.2)};
        RichDisplay map = RetrievalMap.of(constant(16, 0), steps, constant(16, 1), constant(16, -1), 4, 4);
        ImageGrid grid = assertInstanceOf(ImageGrid.class, map);
        assertEquals(5, grid.size());
        assertEquals("image grid 1 x 5 of 4x4", grid.toString());
        assertEquals(List.of("query", "step 1", "step 2", "result", "nearest stored"),
                captions(grid.mimeBundle().get("text/html")));
    }

    @Test
    void longRecallsShowEvenlySpacedStepsIncludingFirstAndLast() {
        double[][] steps = new double[25][9];
        RichDisplay map = RetrievalMap.of(new double[9], steps, new double[9], null, 3, 3);
        List<String> shown = captions(map.mimeBundle().get("text/html"));
        assertEquals(RetrievalMap.MAX_INTERMEDIATE_IMAGES + 2, shown.size());
        assertEquals("query", shown.get(0));
        assertEquals("step 1", shown.get(1));
        assertEquals("step 25", shown.get(shown.size() - 2));
        assertEquals("result", shown.get(shown.size() - 1));
        int previous = 0;
        for (String caption : shown.subList(1, shown.size() - 1)) {
            int step = Integer.parseInt(caption.substring(5));
            assertTrue(step > previous, shown.toString());
            previous = step;
        }
    }

    @Test
    void otherPatternsGiveHeatStripsOfEveryState() {
        double[] query = {1, -1, 0, 0, 1};
        double[][] steps = {{1, -1, 1, 0, 1}, {1, -1, 1, -1, 1}, {1, 1, 1, -1, 1}};
        double[] result = {1, 1, 1, -1, -1};
        RichDisplay map = RetrievalMap.of(query, steps, result, null);
        FigureDisplay strips = assertInstanceOf(FigureDisplay.class, map);
        PlotlyScript plot = PlotlyScript.of(strips.figure());
        assertEquals(List.of("query", "step 1", "step 2", "step 3", "result"), strings(plot.trace(0).path("y")));
        assertArrayEquals(new double[][] {query, steps[0], steps[1], steps[2], result}, matrix(plot.trace(0).path("z")));
        assertTrue(map.mimeBundle().get("text/plain").startsWith("figure 'States'"));
    }

    @Test
    void batchPutsEachQueryOnItsOwnRow() {
        double[][] queries = {constant(4, 0), constant(4, 0.5), constant(4, 1)};
        double[][] results = {constant(4, 1), constant(4, 1), constant(4, 1)};
        double[][] nearest = {constant(4, -1), constant(4, -1), constant(4, -1)};
        ImageGrid grid = RetrievalMap.batch(queries, results, nearest, 2, 2);
        assertEquals("image grid 3 x 3 of 2x2", grid.toString());
        assertEquals(List.of("query 0", "result 0", "nearest 0", "query 1", "result 1", "nearest 1",
                "query 2", "result 2", "nearest 2"), captions(grid.mimeBundle().get("text/html")));
        // row 1, column 0 is query 1 (0.5): mid-way between -1 (black) and 1 (white)
        int s = grid.scale();
        int grey = grid.image().getRGB(ImageGrid.GAP, ImageGrid.GAP + 2 * s + ImageGrid.GAP) & 0xff;
        assertEquals(Math.round(255 * 1.5 / 2), grey);

        assertEquals("image grid 3 x 2 of 2x2", RetrievalMap.batch(queries, results, null, 2, 2).toString());
    }
}
