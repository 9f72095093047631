package org.hopfieldlab.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;

/**
 * Reads back what a figure sends to plotly: the object literals in {@code figure.asJavascript(div)}
 * (Tablesaw writes JavaScript, not JSON: unquoted keys, single quotes, trailing commas), parsed
 * with a lenient Jackson reader, with the layout extras merged in as the emitted script merges them.
 */
record PlotlyScript(String javascript, ObjectNode layout, List<JsonNode> traces) {

    static final String DIV = "test_div";

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static PlotlyScript of(Figure figure) {
        String js = figure.asJavascript(DIV);
        ObjectNode layout = (ObjectNode) parse(objectAfter(js, "var layout ="));
        String mergeCall = PlotlyFigure.MERGE_FUNCTION + "(layout, ";
        if (js.contains(mergeCall)) {
            merge(layout, (ObjectNode) parse(objectAfter(js, mergeCall)));
        }
        List<JsonNode> traces = new ArrayList<>();
        for (int i = 0; js.contains("var trace" + i + " ="); i++) {
            traces.add(parse(objectAfter(js, "var trace" + i + " =")));
        }
        return new PlotlyScript(js, layout, traces);
    }

    JsonNode trace(int i) {
        return traces.get(i);
    }

    String axisTitle(String axis) {
        JsonNode title = layout.path(axis).path("title");
        return title.isObject() ? title.path("text").asText() : title.asText();
    }

    static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    static double[][] matrix(JsonNode array) {
        double[][] values = new double[array.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = doubles(array.get(i));
        }
        return values;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode parse(String literal) {
        try {
            return LENIENT.readTree(literal);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a valid object literal: " + e.getMessage() + "\n" + literal, e);
        }
    }

    /** The balanced {...} that follows the marker, skipping braces inside quoted strings. */
    private static String objectAfter(String js, String marker) {
        int at = js.indexOf(marker);
        if (at < 0) {
            throw new AssertionError("script has no '" + marker + "':\n" + js);
        }
        int start = js.indexOf('{', at + marker.length());
        int depth = 0;
        char quote = 0;
        for (int i = start; i < js.length(); i++) {
            char c = js.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return js.substring(start, i + 1);
            }
        }
        throw new AssertionError("unbalanced braces after '" + marker + "'");
    }

    /** The same recursive merge the figure script performs before plotting. */
    private static void merge(ObjectNode target, ObjectNode source) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (field.getValue().isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }
}
