package org.hopfieldlab.kernel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;

/**
 * Compiles an expression snippet with one javac pass instead of JShell's five.
 *
 * <p>JShell turns an expression into a temporary variable: it parses it, attributes it twice to learn its
 * type, attributes the wrapper class and then compiles it, each time in a javac task of its own (about
 * 4 ms per trivial cell once warm, 10 to 20 ms before the JIT has compiled javac). The kernel drops that
 * variable anyway and shows the value itself, so an expression only needs to be compiled and run. This
 * lane writes the class JShell would have written around it (same imports, the session's variables,
 * methods and classes imported the way JShell imports them into each snippet), compiles it in a reused
 * javac context, and runs it through the same execution control as every other cell.
 *
 * <p>Whatever the lane cannot compile (declarations, statements, code with errors) goes to JShell, which
 * keeps the final word on what the code means and how its errors read.
 */
final class ExpressionLane {

    /** JShell's own options for compiling a snippet, with the session's extra ones. */
    private static final List<String> OPTIONS = List.of("-proc:none", "-parameters", "-Xlint:none", "-nowarn",
            "--add-modules", "jdk.incubator.vector");
    private static final String CLASS_PREFIX = "$Lane$";
    /** The classes of a {@link #detached} lane: names no session lane ever gives out. */
    private static final String DETACHED_CLASS_PREFIX = "$LaneWarmUp$";
    private static final String JSHELL_CLASS_PREFIX = "REPL.$JShell$";
    private static final String VOID_NOT_ALLOWED = "compiler.err.void.not.allowed.here";

    /** What running an expression gave. */
    enum Kind { VALUE, VOID }

    /** A compiled expression, ready to run: its classes and whether it has a value. */
    record Compiled(String className, ClassBytecodes[] classes, Kind kind) {
    }

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final CellExecutionControl control;
    private final StandardJavaFileManager standardFiles;
    /** One instance for every compilation: javac's reused contexts keep the file manager they first saw. */
    private final SessionFiles files;
    private final List<File> classPath = new ArrayList<>();
    private final Map<Snippet, String> importLines = new HashMap<>();
    private final Map<String, LoadedClass> classFiles = new HashMap<>();
    private final Set<Snippet> forgotten = new java.util.HashSet<>();
    private PooledJavac javac;
    private volatile boolean warmingUp;
    private int compiledCount;
    /** The fixed package and imports of a {@link #detached} lane; null for a session's lane. */
    private final String detachedHeader;

    private ExpressionLane(JShell shell, CellExecutionControl control, PooledJavac javac, List<Path> classPath,
                           String detachedHeader) {
        this.shell = shell;
        this.analysis = shell == null ? null : shell.sourceCodeAnalysis();
        this.control = control;
        this.javac = javac;
        this.detachedHeader = detachedHeader;
        this.standardFiles = ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, Locale.ROOT,
                StandardCharsets.UTF_8);
        for (Path entry : classPath) {
            this.classPath.add(entry.toFile());
        }
        setClassPath();
        this.files = new SessionFiles();
    }

    /** The lane for this session, or null when javac's reusable contexts are not accessible in this JVM. */
    static ExpressionLane create(JShell shell, CellExecutionControl control, List<Path> classPath) {
        PooledJavac javac = PooledJavac.create();
        if (javac == null || ToolProvider.getSystemJavaCompiler() == null) {
            return null;
        }
        return new ExpressionLane(shell, control, javac, classPath, null);
    }

    /**
     * A lane of no session, for the kernel's background warm-up: its own javac context and file manager, the
     * given imports instead of a session's declarations, and class names of its own ({@code $LaneWarmUp$n}).
     * It runs the same compilation code as a session's lane while sharing none of its state, so it may
     * compile on another thread while a cell runs. Its classes are only compiled, never loaded.
     *
     * @return the lane, or null when javac's reusable contexts are not accessible in this JVM
     */
    static ExpressionLane detached(List<Path> classPath, List<String> imports) {
        PooledJavac javac = PooledJavac.create();
        if (javac == null || ToolProvider.getSystemJavaCompiler() == null) {
            return null;
        }
        return new ExpressionLane(null, null, javac, classPath, "package REPL;\n" + String.join("\n", imports) + "\n");
    }

    /** How many expressions this lane compiled (each got the next class name). */
    int compiledCount() {
        return compiledCount;
    }

    /** Cells added a jar or folder: later compilations see it (in a fresh javac context). */
    void addToClassPath(Path entry) {
        classPath.add(entry.toFile());
        setClassPath();
        javac = PooledJavac.create();
    }

    private void setClassPath() {
        try {
            standardFiles.setLocation(StandardLocation.CLASS_PATH, classPath);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Builds the lane's javac context by compiling one expression under the given imports, without looking
     * at the JShell session: safe to run while the session evaluates its start-up imports on another thread.
     */
    void warmUp(List<String> imports) {
        warmingUp = true;
        try {
            String unit = "package REPL;\n" + String.join("\n", imports) + "\n" + valueBody("$LaneWarmUp", "0");
            compileUnit("$LaneWarmUp", unit, new LinkedHashMap<>(), new DiagnosticCollector<>());
        } finally {
            warmingUp = false;
        }
    }

    /**
     * Compiles {@code source} (one complete snippet, as JShell's completion analysis cut it) as an
     * expression in the current session.
     *
     * @return the classes to run, or null when this is not an expression the lane compiles (JShell takes it)
     */
    Compiled compile(String source) {
        String expression = withoutFinalSemicolons(source);
        if (javac == null || expression.isEmpty() || !JavaTokens.isBalancedExpression(expression)) {
            return null;
        }
        String className = (detachedHeader == null ? CLASS_PREFIX : DETACHED_CLASS_PREFIX) + (++compiledCount);
        String header = header();
        Map<String, byte[]> output = new LinkedHashMap<>();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Kind kind = Kind.VALUE;
        boolean compiled = compileUnit(className, header + valueBody(className, expression), output, diagnostics);
        if (!compiled && diagnostics.getDiagnostics().stream().anyMatch(d -> VOID_NOT_ALLOWED.equals(d.getCode()))) {
            // a call of a void method: the same expression as a statement
            output.clear();
            diagnostics = new DiagnosticCollector<>();
            kind = Kind.VOID;
            compiled = compileUnit(className, header + voidBody(className, expression), output, diagnostics);
        }
        if (!compiled) {
            return null;
        }
        List<ClassBytecodes> classes = new ArrayList<>();
        output.forEach((name, bytes) -> classes.add(new ClassBytecodes(name, bytes)));
        return new Compiled("REPL." + className, classes.toArray(new ClassBytecodes[0]), kind);
    }

    private boolean compileUnit(String className, String unit, Map<String, byte[]> output,
                                DiagnosticCollector<JavaFileObject> diagnostics) {
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///REPL/" + className + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return unit;
            }
        };
        files.output = output;
        try {
            return javac.compile(files, diagnostics, OPTIONS, List.of(source));
        } finally {
            files.output = null;
        }
    }

    private static String valueBody(String className, String expression) {
        // the expression on lines of its own: a trailing // comment cannot swallow the closing parenthesis
        return "public class " + className + " {\n    public static Object do_it$() throws Throwable {\n"
                + "        return (Object) (\n" + expression + "\n        );\n    }\n}\n";
    }

    private static String voidBody(String className, String expression) {
        return "public class " + className + " {\n    public static Object do_it$() throws Throwable {\n"
                + expression + "\n        ;\n        return null;\n    }\n}\n";
    }

    private static String withoutFinalSemicolons(String source) {
        String text = source.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        return text;
    }

    /**
     * The package and imports JShell puts above each snippet: the session's imports, then every variable,
     * method and class of an earlier cell, imported from the class JShell compiled it into.
     */
    private String header() {
        if (detachedHeader != null) {
            return detachedHeader;
        }
        StringBuilder header = new StringBuilder("package REPL;\n");
        shell.snippets().forEach(snippet -> {
            if (shell.status(snippet).isDefined()) {
                header.append(importLines.computeIfAbsent(snippet, this::importLine));
            }
        });
        return header.toString();
    }

    private String importLine(Snippet snippet) {
        return switch (snippet.kind()) {
            case IMPORT -> ((ImportSnippet) snippet).source().strip() + "\n";
            case VAR, METHOD, TYPE_DECL -> "import static " + analysis.wrapper(snippet).fullClassName() + "."
                    + ((jdk.jshell.PersistentSnippet) snippet).name() + ";\n";
            default -> "";
        };
    }

    /** The JShell classes of the session's live declarations, which the expression may use. */
    private List<JavaFileObject> replClasses() {
        Set<String> owners = new java.util.HashSet<>();
        Set<String> gone = new java.util.HashSet<>();
        shell.snippets().forEach(snippet -> {
            Snippet.Status status = shell.status(snippet);
            if (status.isDefined()) {
                if (snippet.kind().isPersistent() && snippet.kind() != Snippet.Kind.IMPORT) {
                    owners.add(analysis.wrapper(snippet).fullClassName());
                }
            } else if ((status == Snippet.Status.DROPPED || status == Snippet.Status.OVERWRITTEN)
                    && forgotten.add(snippet)) {
                // for good: a snippet that comes back is compiled into a new class
                gone.add(analysis.wrapper(snippet).fullClassName());
                importLines.remove(snippet);
            }
        });
        if (!gone.isEmpty()) {
            control.loadedClasses().keySet().removeIf(name -> gone.contains(outerClassOf(name)));
            classFiles.keySet().removeIf(name -> gone.contains(outerClassOf(name)));
        }
        List<JavaFileObject> files = new ArrayList<>();
        control.loadedClasses().forEach((name, bytes) -> {
            if (owners.contains(outerClassOf(name))) {
                files.add(classFiles.computeIfAbsent(name, n -> new LoadedClass(n, bytes)));
            }
        });
        return files;
    }

    /** {@code REPL.$JShell$13$Foo} and {@code REPL.$JShell$13$1} belong to {@code REPL.$JShell$13}. */
    private static String outerClassOf(String binaryName) {
        int nested = binaryName.indexOf('$', JSHELL_CLASS_PREFIX.length());
        return nested < 0 ? binaryName : binaryName.substring(0, nested);
    }

    /** The class path for the lane's javac: the session's, the live JShell classes, output kept in memory. */
    private final class SessionFiles extends ForwardingJavaFileManager<StandardJavaFileManager> {

        /** Where the class files of the compilation under way go. */
        Map<String, byte[]> output;

        SessionFiles() {
            super(standardFiles);
        }

        @Override
        public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                                             boolean recurse) throws IOException {
            Iterable<JavaFileObject> standard = super.list(location, packageName, kinds, recurse);
            if (warmingUp || detachedHeader != null || location != StandardLocation.CLASS_PATH || !packageName.equals("REPL")
                    || !kinds.contains(JavaFileObject.Kind.CLASS)) {
                return standard;
            }
            List<JavaFileObject> all = new ArrayList<>();
            standard.forEach(all::add);
            all.addAll(replClasses());
            return all;
        }

        @Override
        public String inferBinaryName(Location location, JavaFileObject file) {
            return file instanceof LoadedClass loaded ? loaded.binaryName : super.inferBinaryName(location, file);
        }

        @Override
        public boolean isSameFile(FileObject a, FileObject b) {
            return a instanceof LoadedClass || b instanceof LoadedClass ? a == b : super.isSameFile(a, b);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("memory:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        private final Map<String, byte[]> target = output;

                        @Override
                        public void close() {
                            target.put(className, toByteArray());
                        }
                    };
                }
            };
        }
    }

    /** A class JShell compiled and loaded for an earlier cell, offered to javac as a class file. */
    private static final class LoadedClass extends SimpleJavaFileObject {

        final String binaryName;
        private final byte[] bytes;

        LoadedClass(String binaryName, byte[] bytes) {
            super(URI.create("memory:///" + binaryName.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
            this.binaryName = binaryName;
            this.bytes = bytes;
        }

        @Override
        public InputStream openInputStream() {
            return new java.io.ByteArrayInputStream(bytes);
        }
    }
}
