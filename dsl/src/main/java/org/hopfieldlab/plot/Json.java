package org.hopfieldlab.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes plotly attribute trees (maps, lists, arrays, numbers, strings) as JavaScript object literals. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /**
     * JSON text safe to place inside an HTML {@code <script>}: a user's label containing
     * {@code </script>} must not end the script, so every {@code </} is written as the equivalent
     * JSON escape {@code <\/}.
     */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write plot attributes as JSON: " + e.getMessage(), e);
        }
    }
}
