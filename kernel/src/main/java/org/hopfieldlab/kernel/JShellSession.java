package org.hopfieldlab.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * One JShell, executing Java cells in this JVM so that results stay real objects.
 *
 * <p>A cell is split into JShell snippets and run one after the other; the value of the last
 * expression is returned as is. Anything that goes wrong becomes a {@link CellFailure} that names the
 * user's exception, keeps only the user's stack frames, and leaves the session usable.
 */
public final class JShellSession implements AutoCloseable {

    /** The imports every session starts with (JShell's own defaults, the DSL, Tablesaw, display). */
    public static final List<String> STARTUP_IMPORTS = startupImports();

    /**
     * {@code display}, JShell's usual java.* imports and the library's own list (shared with
     * {@code ./hopfield jshell}). {@code display} comes first: see {@link #startupImportsAsOneSnippet}.
     */
    private static List<String> startupImports() {
        List<String> imports = new ArrayList<>(List.of(
                // display(value) and display(value, mimeType); an import compiles faster than two method snippets
                "import static org.hopfieldlab.kernel.NotebookDisplay.display;",
                "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
                "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
                "import java.util.regex.*;", "import java.util.stream.*;"));
        try (var in = JShellSession.class.getResourceAsStream("/org/hopfieldlab/dsl/imports.jsh")) {
            if (in == null) {
                throw new IllegalStateException("the DSL's imports.jsh is missing from the class path");
            }
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> line.startsWith("import ")).forEach(imports::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return List.copyOf(imports);
    }

    /** Set to {@code off} ({@code -Dhopfield.expressionLane=off}) to compile every snippet through JShell alone. */
    public static final String EXPRESSION_LANE_PROPERTY = "hopfield.expressionLane";

    /** Kept free so that, after an OutOfMemoryError, the session has room to clean up. */
    private static final int MEMORY_RESERVE_BYTES = 16 << 20;

    private final CellExecutionControl control = new CellExecutionControl();
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final List<Path> addedClassPath = new ArrayList<>();
    private final ExpressionLane lane;
    private final LibraryJavadoc libraryJavadoc = new LibraryJavadoc();
    private long laneRuns;
    private byte[] memoryReserve = new byte[MEMORY_RESERVE_BYTES];
    /** The start-up imports, one JShell snippet ({@link #startupImportsAsOneSnippet}). */
    private Snippet startupImports;

    /**
     * Starts a session whose cells see the given class path and have the startup imports done.
     *
     * @param classPath jars and class directories cells may use (the kernel's own class path)
     */
    public JShellSession(List<Path> classPath) {
        this(classPath, !"off".equals(System.getProperty(EXPRESSION_LANE_PROPERTY)));
    }

    /**
     * @param classPath      jars and class directories cells may use
     * @param expressionLane whether expressions may compile in one javac pass ({@link ExpressionLane})
     */
    JShellSession(List<Path> classPath, boolean expressionLane) {
        ExecutionControlProvider provider = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "hopfield-local";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
        shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .compilerOptions("--add-modules", "jdk.incubator.vector", "-Xlint:none", "-nowarn")
                .build();
        analysis = shell.sourceCodeAnalysis();
        for (Path entry : classPath) {
            shell.addToClasspath(entry.toString());
        }
        lane = expressionLane ? ExpressionLane.create(shell, control, classPath) : null;
        // the lane's first compilation builds its javac context (a few tenths of a second): on the other core,
        // while JShell takes the start-up imports, and all of it while Jupyter connects
        Thread laneWarmUp = null;
        if (lane != null) {
            laneWarmUp = new Thread(() -> lane.warmUp(STARTUP_IMPORTS), "hopfield-lane-warm-up");
            laneWarmUp.start();
        }
        startupImports = startupSnippet(startupImportsAsOneSnippet());
        if (laneWarmUp != null) {
            try {
                laneWarmUp.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether expressions compile in one javac pass ({@link ExpressionLane}) rather than through JShell's five. */
    public boolean hasExpressionLane() {
        return lane != null;
    }

    /** How many snippets ran through the {@link ExpressionLane} so far. */
    long expressionLaneRuns() {
        return laneRuns;
    }

    /**
     * The start-up imports as one JShell snippet: one compilation instead of one per import (about 20 ms each,
     * a third of the kernel's start). JShell files such a snippet under the name of its first import and
     * replaces all of it when that import is entered again; so the first is the kernel's own {@code display}
     * import (first in {@link #STARTUP_IMPORTS}), which no cell has a reason to repeat (a cell's
     * {@code import java.util.*;} becomes a snippet of its own and leaves the others in place).
     */
    static String startupImportsAsOneSnippet() {
        return String.join("\n", STARTUP_IMPORTS);
    }

    private Snippet startupSnippet(String source) {
        Snippet snippet = null;
        for (SnippetEvent event : shell.eval(source)) {
            if (event.status() == Snippet.Status.REJECTED) {
                String why = shell.diagnostics(event.snippet()).map(d -> d.getMessage(Locale.ROOT))
                        .collect(Collectors.joining("; "));
                throw new IllegalStateException("start-up snippet failed: " + source + " (" + why + ")");
            }
            if (event.causeSnippet() == null) {
                snippet = event.snippet();
            }
        }
        return snippet;
    }

    /**
     * A cell that repeats the start-up snippet's first import replaces the whole snippet in JShell, and with it
     * every other start-up import: they are taken again, so that no cell can lose them.
     */
    private void keepStartupImports() {
        if (startupImports != null && shell.status(startupImports) != Snippet.Status.VALID) {
            startupImports = startupSnippet(startupImportsAsOneSnippet());
        }
    }

    /**
     * Runs the Java code of one cell (no magics).
     *
     * @return the value of the last expression, unless the cell ends with a statement or a semicolon
     * @throws CellFailure when the code does not compile, throws, or is interrupted
     */
    public CellResult execute(String code) throws CellFailure {
        control.startCell();
        try {
            return executeSnippets(code);
        } finally {
            keepStartupImports();
        }
    }

    private CellResult executeSnippets(String code) throws CellFailure {
        CellResult result = CellResult.NOTHING;
        int offset = 0;
        while (offset < code.length() && !code.substring(offset).isBlank()) {
            String remaining = code.substring(offset);
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            String snippetText;
            String source;
            if (info.completeness().isComplete() && info.source() != null) {
                snippetText = remaining.substring(0, remaining.length() - info.remaining().length());
                source = info.source();
            } else {
                snippetText = remaining;
                source = remaining;
            }
            // diagnostics count from the start of JShell's source; line it up with the cell's text
            int snippetStart = offset + leadingWhitespace(snippetText) - leadingWhitespace(source);
            boolean endsWithSemicolon = snippetText.strip().endsWith(";");
            CellResult fast = info.completeness().isComplete() ? runAsExpression(source, endsWithSemicolon) : null;
            result = fast != null ? fast : runSnippet(code, source, snippetStart, endsWithSemicolon);
            offset += snippetText.length();
        }
        return result;
    }

    /**
     * Runs a snippet that is an expression through the {@link ExpressionLane}.
     *
     * @return its result, or null when the lane does not take it (JShell runs it then)
     */
    private CellResult runAsExpression(String source, boolean endsWithSemicolon) throws CellFailure {
        if (lane == null || JavaTokens.startsLikeDeclaration(source)) {
            return null;
        }
        ExpressionLane.Compiled compiled = lane.compile(source);
        if (compiled == null) {
            return null;
        }
        control.clearSnippetState();
        laneRuns++;
        try {
            control.load(compiled.classes());
        } catch (ExecutionControl.ExecutionControlException notLoaded) {
            return null;
        }
        try {
            control.invoke(compiled.className(), "do_it$");
        } catch (ExecutionControl.StoppedException stopped) {
            throw interrupted();
        } catch (ExecutionControl.UserException thrown) {
            Throwable original = control.lastFailure();
            throw original != null ? userFailure(original)
                    : new CellFailure(thrown.causeExceptionClass(), String.valueOf(thrown.getMessage()),
                            List.of(Ansi.red(thrown.causeExceptionClass() + ": " + thrown.getMessage())));
        } catch (ExecutionControl.ExecutionControlException broken) {
            throw new CellFailure(broken.getClass().getSimpleName(), String.valueOf(broken.getMessage()),
                    List.of(Ansi.red("the kernel could not run this expression: " + broken.getMessage())));
        }
        if (compiled.kind() == ExpressionLane.Kind.VOID || endsWithSemicolon) {
            return CellResult.NOTHING;
        }
        return CellResult.of(control.lastValue());
    }

    private static CellFailure interrupted() {
        return new CellFailure("Interrupted", "the cell was interrupted",
                List.of("Interrupted: the cell was stopped; variables keep the values they had when it stopped"));
    }

    private CellResult runSnippet(String cell, String source, int snippetStart, boolean endsWithSemicolon)
            throws CellFailure {
        control.clearSnippetState();
        List<SnippetEvent> events = shell.eval(source);
        CellResult result = CellResult.NOTHING;
        try {
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    continue;
                }
                Snippet snippet = event.snippet();
                if (event.status() == Snippet.Status.REJECTED) {
                    throw compilationError(cell, snippet, snippetStart);
                }
                if (control.wasStopped()) {
                    throw interrupted();
                }
                if (event.exception() != null) {
                    throw runtimeFailure(event, snippet);
                }
                if (!endsWithSemicolon && showsValue(snippet)) {
                    result = CellResult.of(control.lastValue());
                }
            }
        } finally {
            dropTemporaryVariables(events);
        }
        return result;
    }

    /**
     * Forgets JShell's {@code $1, $2, ...}: the kernel already holds the value itself. JShell imports every
     * live declaration into each later snippet, so without this every expression cell would make all later
     * cells compile slower (measured: a trivial cell took 9 ms after 400 expression cells, 3.5 ms with them dropped).
     */
    private void dropTemporaryVariables(List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            Snippet snippet = event.snippet();
            if (event.causeSnippet() == null && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    && shell.status(snippet).isActive()) {
                shell.drop(snippet);
            }
        }
    }

    private boolean showsValue(Snippet snippet) {
        if (snippet.kind() == Snippet.Kind.EXPRESSION) {
            return !"void".equals(((jdk.jshell.ExpressionSnippet) snippet).typeName());
        }
        return snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                && !"void".equals(((VarSnippet) snippet).typeName());
    }

    private CellFailure compilationError(String cell, Snippet snippet, int snippetStart) {
        List<String> lines = new ArrayList<>();
        String summary = null;
        for (Diag diag : (Iterable<Diag>) shell.diagnostics(snippet)::iterator) {
            if (!diag.isError()) {
                continue;
            }
            int start = snippetStart + (int) Math.max(0, diag.getStartPosition());
            int end = snippetStart + (int) Math.max(diag.getStartPosition() + 1, diag.getEndPosition());
            start = Math.min(start, Math.max(0, cell.length() - 1));
            int lineStart = cell.lastIndexOf('\n', start - 1) + 1;
            int lineEnd = cell.indexOf('\n', start);
            if (lineEnd < 0) {
                lineEnd = cell.length();
            }
            int lineNumber = (int) cell.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
            String[] message = diag.getMessage(Locale.ROOT).split("\n");
            String headline = "line " + lineNumber + ": " + message[0];
            if (summary == null) {
                summary = headline;
            }
            lines.add(Ansi.red(headline));
            for (int i = 1; i < message.length; i++) {
                if (!message[i].strip().equals("location: class")) { // JShell's wrapper class has no name worth showing
                    lines.add(message[i]);
                }
            }
            lines.add("    " + cell.substring(lineStart, lineEnd));
            int caretLength = Math.max(1, Math.min(end, lineEnd) - start);
            lines.add("    " + " ".repeat(start - lineStart) + "^".repeat(caretLength));
        }
        if (summary == null) {
            summary = "the code was rejected by JShell";
            lines.add(summary);
        }
        return new CellFailure("CompilationError", summary, lines);
    }

    private CellFailure runtimeFailure(SnippetEvent event, Snippet snippet) {
        if (event.exception() instanceof UnresolvedReferenceException) {
            String missing = String.join(", ", shell.unresolvedDependencies(
                    ((UnresolvedReferenceException) event.exception()).getSnippet()).collect(Collectors.toList()));
            String message = "this code uses " + missing + ", which is not defined yet: define it, then run the cell again";
            return new CellFailure("UnresolvedReferenceException", message, List.of(Ansi.red(message)));
        }
        Throwable thrown = control.lastFailure();
        if (thrown == null) {
            // cannot happen with our execution control, but keep JShell's own report rather than nothing
            EvalException copy = (EvalException) event.exception();
            String name = copy.getExceptionClassName();
            return new CellFailure(name.substring(name.lastIndexOf('.') + 1), String.valueOf(copy.getMessage()),
                    List.of(name + ": " + copy.getMessage()));
        }
        return userFailure(thrown);
    }

    /** The user's own exception, with their stack frames; after an OutOfMemoryError, memory is given back first. */
    private CellFailure userFailure(Throwable thrown) {
        String extra = "";
        if (thrown instanceof OutOfMemoryError) {
            extra = recoverFromOutOfMemory();
        }
        String message = (thrown.getMessage() == null ? "" : thrown.getMessage()) + extra;
        List<String> traceback = UserStackTrace.format(thrown, extra);
        return new CellFailure(UserStackTrace.simpleName(thrown.getClass()), message, traceback);
    }

    /** Frees what the failed cell holds, so the next cell has a heap to work with; says what it did. */
    private String recoverFromOutOfMemory() {
        memoryReserve = null;
        int released = control.releaseVariablesOfCurrentCell();
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        long percent = 100 * used / runtime.maxMemory();
        StringBuilder said = new StringBuilder(" (the kernel is still running");
        if (released > 0) {
            said.append("; ").append(released).append(released == 1 ? " variable" : " variables")
                    .append(" of this cell set to null to free memory");
        }
        if (percent > 80) {
            said.append("; the heap is still ").append(percent)
                    .append("% full: set large variables of earlier cells to null, or restart the kernel");
        }
        said.append(')');
        try {
            memoryReserve = new byte[MEMORY_RESERVE_BYTES];
        } catch (OutOfMemoryError stillFull) {
            memoryReserve = null;
        }
        return said.toString();
    }

    private static int leadingWhitespace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Every snippet JShell holds, in order, as "kind status source": what later cells compile against. */
    List<String> snippetRecord() {
        return shell.snippets().map(snippet -> snippet.kind() + " " + shell.status(snippet) + " " + snippet.source())
                .collect(Collectors.toList());
    }

    /** The names of the classes JShell compiled and loaded for the session's snippets, sorted. */
    List<String> loadedClassNames() {
        return control.loadedClasses().keySet().stream().sorted().collect(Collectors.toList());
    }

    /** How many class names the {@link ExpressionLane} gave out so far (0 without a lane). */
    int laneCompilations() {
        return lane == null ? 0 : lane.compiledCount();
    }

    /** How many declarations (imports, variables, methods, classes) later snippets see. */
    long liveDeclarations() {
        return shell.snippets().filter(snippet -> snippet.kind().isPersistent() && shell.status(snippet).isActive())
                .count();
    }

    /** Adds jars or class directories for the following cells. */
    public void addToClassPath(Path entry) {
        shell.addToClasspath(entry.toAbsolutePath().toString());
        if (lane != null) {
            lane.addToClassPath(entry.toAbsolutePath());
        }
        addedClassPath.add(entry.toAbsolutePath());
    }

    /** What {@link #addToClassPath} added so far, in order. */
    public List<Path> addedClassPath() {
        return Collections.unmodifiableList(addedClassPath);
    }

    /** Stops the running cell, if any; safe to call from any thread. */
    public void interrupt() {
        control.stop();
    }

    /** Completion candidates at {@code cursor}: the replacement texts and where they start. */
    public Completion complete(String code, int cursor) {
        int start = startOfSnippetAt(code, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                analysis.completionSuggestions(code.substring(start, cursor), cursor - start, anchor);
        Set<String> matching = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matching.add(s.continuation()));
        suggestions.forEach(s -> matching.add(s.continuation()));
        return new Completion(List.copyOf(matching), start + anchor[0], cursor);
    }

    /**
     * Completion candidates for the code before the cursor.
     *
     * @param matches texts that may replace the range
     * @param start   first replaced character
     * @param end     one past the last replaced character
     */
    public record Completion(List<String> matches, int start, int end) {
    }

    /** Signature and Javadoc summary of what is under the cursor; empty when nothing is known. */
    public List<String> inspect(String code, int cursor) {
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        if (end < code.length() && code.charAt(end) == '(') {
            end++; // JShell documents a method once its argument list opens
        }
        int start = startOfSnippetAt(code, end);
        String snippet = code.substring(start, end);
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(snippet, end - start, true);
        if (docs.isEmpty() && !snippet.endsWith("(")) {
            docs = analysis.documentation(snippet + "(", end - start + 1, true);
        }
        List<String> found = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation doc : docs) {
            String summary = JavadocSummary.firstSentence(doc.javadoc());
            if (summary.isEmpty()) {
                summary = JavadocSummary.firstSentence(libraryJavadoc.javadocOf(doc.signature()));
            }
            found.add(summary.isEmpty() ? doc.signature() : doc.signature() + "\n    " + summary);
        }
        return found;
    }

    /**
     * Whether the code can run as it is: {@code "complete"}, {@code "invalid"}, or {@code "incomplete"}
     * when a newline should continue it (an open block, a missing body).
     */
    public String completeness(String code) {
        String remaining = code;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.DEFINITELY_INCOMPLETE || completeness == Completeness.CONSIDERED_INCOMPLETE) {
                return "incomplete";
            }
            if (completeness == Completeness.UNKNOWN) {
                return "invalid";
            }
            if (completeness == Completeness.EMPTY) {
                break;
            }
            remaining = info.remaining();
        }
        return "complete";
    }

    private int startOfSnippetAt(String code, int cursor) {
        int start = 0;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(code.substring(start, cursor));
            if (!info.completeness().isComplete() || info.remaining().isBlank()) {
                return start;
            }
            start = cursor - info.remaining().length();
        }
    }

    @Override
    public void close() {
        shell.close();
    }
}
