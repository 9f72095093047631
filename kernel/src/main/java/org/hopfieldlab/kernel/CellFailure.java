package org.hopfieldlab.kernel;

import java.util.List;

/**
 * A cell that did not finish: what Jupyter shows as {@code ename}, {@code evalue} and the traceback.
 *
 * <p>{@code errorName} is the simple name of the user's exception class (for example
 * {@code IllegalArgumentException}), {@code CompilationError} for code that does not compile, or
 * {@code Interrupted} for a cell stopped from the notebook.
 */
public final class CellFailure extends Exception {

    private final String errorName;
    private final List<String> traceback;

    CellFailure(String errorName, String message, List<String> traceback) {
        super(message, null, false, false);
        this.errorName = errorName;
        this.traceback = List.copyOf(traceback);
    }

    /** The name Jupyter shows as the error's type. */
    public String errorName() {
        return errorName;
    }

    /** The lines shown under the error: the message, then the user's own stack frames. */
    public List<String> traceback() {
        return traceback;
    }

    @Override
    public String toString() {
        return errorName + ": " + getMessage();
    }
}
