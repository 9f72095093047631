package org.hopfieldlab.kernel;

/** The few terminal colours Jupyter renders in tracebacks. */
final class Ansi {
    private Ansi() {
    }

    static String red(String text) {
        return "\u001b[1;31m" + text + "\u001b[0m";
    }
}
