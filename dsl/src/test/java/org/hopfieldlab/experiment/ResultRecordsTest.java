package org.hopfieldlab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ResultRecordsTest {

    private final CapacityCurve curve = Capacity.classical(60, new double[] {0.05, 0.1, 0.3}, 1, 9);

    @Test
    void tableHoldsEveryValue() {
        Table table = curve.table();
        assertEquals(3, table.rowCount());
        assertArrayEquals(curve.loads(), table.doubleColumn("load").asDoubleArray(), 0);
        assertArrayEquals(curve.measured(), table.doubleColumn("measured overlap").asDoubleArray(), 0);
        assertArrayEquals(curve.theory(), table.doubleColumn("AGS theory").asDoubleArray(), 0);
        assertEquals(6.0, table.doubleColumn("patterns").get(1), 0, "K = round(0.1 * 60)");
    }

    @Test
    void notebookShowsTheSummaryAndATable() {
        Map<String, String> bundle = curve.mimeBundle();
        assertEquals(curve.toString(), bundle.get("text/plain"));
        String html = bundle.get("text/html");
        assertTrue(html.contains("<th>AGS theory</th>") && html.split("<tr>").length == 1 + 1 + 3, html);
        assertFalse(curve.toString().contains("\n"));
    }

    @Test
    void arraysAreCopies() {
        double[] measured = curve.measured();
        measured[0] = -5;
        assertTrue(curve.measured()[0] > 0);
        double[] loads = {0.1};
        CapacityCurve own = new CapacityCurve(10, loads, new int[] {1}, new double[] {1}, new double[] {1}, 1);
        loads[0] = 9;
        assertEquals(0.1, own.loads()[0], 0);
    }
}
