package org.hopfieldlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A traceback for students: the exception and the frames of the user's own code and of the libraries
 * it called, without the kernel, reflection and JShell machinery underneath, and with JShell's
 * generated class names ({@code REPL.$JShell$12$Point}) shortened to what the user wrote.
 */
final class UserStackTrace {

    /** A stack overflow repeats the same frames a thousand times; a few are enough to see the loop. */
    private static final int MAX_FRAMES = 30;

    private UserStackTrace() {
    }

    static String simpleName(Class<?> type) {
        String name = type.getName();
        return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
    }

    static List<String> format(Throwable thrown, String note) {
        List<String> lines = new ArrayList<>();
        String message = thrown.getMessage() == null ? "" : ": " + thrown.getMessage();
        lines.add(Ansi.red(simpleName(thrown.getClass()) + message + note));
        appendFrames(thrown, lines);
        Throwable cause = thrown.getCause();
        int depth = 0;
        while (cause != null && cause != thrown && depth++ < 5) {
            String causeMessage = cause.getMessage() == null ? "" : ": " + cause.getMessage();
            lines.add("Caused by: " + simpleName(cause.getClass()) + causeMessage);
            appendFrames(cause, lines);
            cause = cause.getCause();
        }
        return lines;
    }

    private static void appendFrames(Throwable thrown, List<String> lines) {
        StackTraceElement[] frames = thrown.getStackTrace();
        int shown = 0;
        int repeats = 0;
        String previous = null;
        boolean userCodeSeen = false;
        for (StackTraceElement frame : frames) {
            if (isMachinery(frame)) {
                if (userCodeSeen) {
                    break; // below the user's code: reflection, JShell, the kernel
                }
                continue; // above it: the kernel's own guard (System.exit) threw on the user's behalf
            }
            userCodeSeen = true;
            String line = "    at " + describe(frame);
            if (line.equals(previous)) {
                repeats++;
            } else {
                flushRepeats(lines, repeats);
                repeats = 0;
                if (shown == MAX_FRAMES) {
                    lines.add("    ... more frames");
                    return;
                }
                lines.add(line);
                shown++;
                previous = line;
            }
            if (isCellEntry(frame)) {
                break;
            }
        }
        flushRepeats(lines, repeats);
    }

    private static void flushRepeats(List<String> lines, int repeats) {
        if (repeats > 0) {
            lines.add("    ... the line above repeats " + repeats + (repeats == 1 ? " more time" : " more times"));
        }
    }

    private static boolean isCellEntry(StackTraceElement frame) {
        return frame.getClassName().startsWith("REPL.") && frame.getMethodName().equals("do_it$");
    }

    private static boolean isMachinery(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.startsWith("jdk.internal.reflect.") || type.startsWith("java.lang.reflect.")
                || type.startsWith("org.hopfieldlab.kernel.") || type.startsWith("jdk.jshell.");
    }

    private static String describe(StackTraceElement frame) {
        String type = frame.getClassName();
        if (type.startsWith("REPL.")) {
            String shortType = type.replaceFirst("^REPL\\.\\$(JShell|Lane)\\$\\d+[A-Z]?\\$?", "");
            String method = frame.getMethodName().equals("do_it$") ? "cell" : frame.getMethodName();
            String where = shortType.isEmpty() ? method : shortType + "." + method;
            // line numbers here count lines of JShell's generated wrapper, not of the cell: leave them out
            return where + " (in a cell)";
        }
        return frame.toString();
    }
}
