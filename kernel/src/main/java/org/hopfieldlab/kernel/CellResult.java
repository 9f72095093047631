package org.hopfieldlab.kernel;

/**
 * What a cell produced: the value of its last expression, when it ended with one.
 *
 * @param hasValue whether the last snippet was an expression whose value should be shown
 * @param value    that value (may be {@code null}, which is shown as {@code null})
 */
public record CellResult(boolean hasValue, Object value) {

    static final CellResult NOTHING = new CellResult(false, null);

    static CellResult of(Object value) {
        return new CellResult(true, value);
    }
}
