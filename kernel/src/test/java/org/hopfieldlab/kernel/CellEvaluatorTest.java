package org.hopfieldlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluator in-process: one real JShell session shared by the tests, as in a notebook. */
class CellEvaluatorTest {

    @TempDir
    static Path workDir;

    private static CellEvaluator cells;
    private static final List<Map<String, String>> displayed = new ArrayList<>();

    @BeforeAll
    static void startSession() throws Exception {
        cells = new CellEvaluator(new JShellSession(KernelMain.kernelClassPath()), workDir.resolve("maven-cache"), workDir);
        NotebookDisplay.connect(displayed::add, new MimeRenderer());
    }

    @AfterAll
    static void closeSession() {
        cells.close();
    }

    private static Object value(String cell) throws CellFailure {
        CellResult result = cells.evaluate(cell);
        assertTrue(result.hasValue(), () -> "no value from: " + cell);
        return result.value();
    }

    /** Runs a cell and returns what it printed on System.out. */
    private static String printed(String cell) throws CellFailure {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            cells.evaluate(cell);
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theLastExpressionIsTheRealObject() throws Exception {
        assertEquals(Math.sqrt(2), value("Math.sqrt(2)"));
        Object list = value("List.of(1, 2, 3)");
        assertEquals(List.of(1, 2, 3), list);
    }

    @Test
    void variablesAndMethodsLiveAcrossCellsAndSnippets() throws Exception {
        cells.evaluate("int base = 40;\nint plus(int a) { return base + a; }");
        assertEquals(40 + 2, value("plus(2)"));
    }

    @Test
    void expressionCellsLeaveNoDeclarationsBehindSoLaterCellsStayFast() throws Exception {
        long before = cells.session().liveDeclarations();
        assertEquals(2, value("1 + 1"));
        assertFalse(cells.evaluate("Math.max(1, 2);").hasValue());
        assertEquals("ab", value("\"a\" + \"b\""));
        assertThrows(CellFailure.class, () -> cells.evaluate("Integer.parseInt(\"x\")"));
        assertEquals(before, cells.session().liveDeclarations());
        cells.evaluate("int keptAcrossCells = 7;");
        assertEquals(before + 1, cells.session().liveDeclarations());
        assertEquals(7, value("keptAcrossCells"));
    }

    @Test
    void aTrailingSemicolonOrAStatementShowsNothing() throws Exception {
        assertFalse(cells.evaluate("Math.max(1, 2);").hasValue());
        assertFalse(cells.evaluate("int unseen = 5;").hasValue());
        assertFalse(cells.evaluate("System.out.print(\"\")").hasValue());
    }

    @Test
    void startupImportsAndTheVectorApiAreThere() throws Exception {
        assertEquals(org.hopfieldlab.model.AsVector.class.getName(), value("AsVector.class.getName()"));
        assertEquals(tech.tablesaw.api.Table.class.getName(), value("Table.class.getName()"));
        assertEquals(tech.tablesaw.plotly.components.Figure.class.getName(), value("Figure.class.getName()"));
        assertEquals(jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length(),
                value("jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length()"));
        assertEquals(org.ejml.simple.SimpleMatrix.class.getName(), value("org.ejml.simple.SimpleMatrix.class.getName()"));
    }

    @Test
    void startupImportsSurviveCellsThatRepeatThem() throws Exception {
        // the start-up imports are one JShell snippet, filed under its first import (the display import)
        cells.evaluate("import java.util.*;");
        assertEquals("a+", value("Pattern.compile(\"a+\").pattern()"));
        cells.evaluate("import static org.hopfieldlab.kernel.NotebookDisplay.display;");
        assertEquals(tech.tablesaw.api.Table.class.getName(), value("Table.class.getName()"));
        cells.evaluate("var tenThroughJShell = BigInteger.TEN;");   // a declaration: compiled by JShell itself
        assertEquals(java.math.BigInteger.TEN, value("tenThroughJShell"));
        assertFalse(cells.evaluate("display(\"still here\");").hasValue());
    }

    @Test
    void aUserExceptionKeepsItsClassMessageAndOnlyUserFrames() {
        CellFailure failure = assertThrows(CellFailure.class, () -> cells.evaluate(
                "class TooFewPatterns extends RuntimeException { TooFewPatterns(String m) { super(m); } }\n"
                        + "void store(int n) { if (n < 2) throw new TooFewPatterns(\"need 2 patterns, got \" + n); }\n"
                        + "store(1);"));
        assertEquals("TooFewPatterns", failure.errorName());
        assertEquals("need 2 patterns, got 1", failure.getMessage());
        String traceback = String.join("\n", failure.traceback());
        assertTrue(traceback.contains("at store (in a cell)"), traceback);
        assertFalse(traceback.contains("jdk.jshell") || traceback.contains("reflect") || traceback.contains("hopfieldlab.kernel"),
                traceback);
    }

    @Test
    void aLibraryExceptionShowsTheLibraryFramesTheUserCalled() {
        CellFailure failure = assertThrows(CellFailure.class, () -> cells.evaluate("Integer.parseInt(\"seven\")"));
        assertEquals("NumberFormatException", failure.errorName());
        assertTrue(failure.traceback().stream().anyMatch(l -> l.contains("java.lang.Integer.parseInt")), failure.traceback()::toString);
    }

    @Test
    void aCompileErrorNamesTheLineAndPointsAtTheCulprit() {
        String cell = "int fine = 1;\nint broken = fine + undefinedThing;";
        CellFailure failure = assertThrows(CellFailure.class, () -> cells.evaluate(cell));
        assertEquals("CompilationError", failure.errorName());
        assertTrue(failure.getMessage().startsWith("line 2: cannot find symbol"), failure.getMessage());
        List<String> lines = failure.traceback();
        int sourceLine = lines.indexOf("    int broken = fine + undefinedThing;");
        assertTrue(sourceLine > 0, lines::toString);
        String caret = lines.get(sourceLine + 1);
        assertEquals("    ".length() + "int broken = fine + ".length(), caret.indexOf('^'), caret);
        assertEquals("undefinedThing".length(), caret.strip().length(), caret);
    }

    @Test
    void aStackOverflowIsReportedAndTheSessionGoesOn() throws Exception {
        CellFailure failure = assertThrows(CellFailure.class, () -> cells.evaluate("int down(int n) { return down(n + 1) + 1; }\ndown(0)"));
        assertEquals("StackOverflowError", failure.errorName());
        assertTrue(failure.traceback().size() < 40, "repeated frames are folded: " + failure.traceback().size());
        assertEquals(6, value("2 * 3"));
    }

    @Test
    void anImpossibleArrayIsAnOutOfMemoryErrorAndTheSessionGoesOn() throws Exception {
        CellFailure failure = assertThrows(CellFailure.class, () -> cells.evaluate("long[] huge = new long[Integer.MAX_VALUE - 8];"));
        assertEquals("OutOfMemoryError", failure.errorName());
        assertTrue(failure.getMessage().contains("the kernel is still running"), failure.getMessage());
        assertEquals(7, value("3 + 4"));
    }

    @Test
    void anInterruptStopsABusyLoop() throws Exception {
        CompletableFuture<CellFailure> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                cells.evaluate("long spins = 0;\nwhile (true) { if (spins++ == 0) { Thread.currentThread().setName(\"spinning\"); } }");
                return null;
            } catch (CellFailure failure) {
                return failure;
            }
        });
        JShellSession session = cells.session();
        waitForThread("spinning"); // an interrupt before the loop runs would stop the declaration instead
        long waited = 0;
        while (!outcome.isDone()) {
            session.interrupt(); // repeated until it takes, so the test does not guess how long stopping takes
            Thread.sleep(50);
            waited += 50;
            assertTrue(waited < 60_000, "the loop was never stopped");
        }
        CellFailure failure = outcome.get(1, TimeUnit.SECONDS);
        assertEquals("Interrupted", failure == null ? "no failure" : failure.errorName());
        assertTrue((Long) value("spins") > 0);
    }

    @Test
    void anInterruptAlsoStopsTheThreadsTheCellStarted() throws Exception {
        CompletableFuture<CellFailure> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                cells.evaluate("Thread helper = new Thread(() -> { while (true) { } }, \"cell-helper\");\n"
                        + "helper.start();\n{ Thread.currentThread().setName(\"spinning-too\"); while (true) { } }");
                return null;
            } catch (CellFailure failure) {
                return failure;
            }
        });
        waitForThread("cell-helper");
        waitForThread("spinning-too"); // an interrupt before the cell's loop runs would stop an earlier snippet
        long waited = 0;
        while (!outcome.isDone()) {
            cells.session().interrupt();
            Thread.sleep(50);
            waited += 50;
            assertTrue(waited < 60_000, "the cell was never stopped");
        }
        assertEquals("Interrupted", outcome.get(1, TimeUnit.SECONDS).errorName());
        assertTrue(helperStops("helper"), "the thread the cell started is still running");
    }

    @Test
    void anInterruptBetweenCellsStopsThreadsEarlierCellsLeftRunning() throws Exception {
        cells.evaluate("Thread leftOver = new Thread(() -> { while (true) { } });\nleftOver.start();");
        assertEquals(true, value("leftOver.isAlive()"));
        cells.session().interrupt();
        assertTrue(helperStops("leftOver"), "the left-over thread is still running");
    }

    private static void waitForThread(String name) throws InterruptedException {
        long waited = 0;
        while (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals(name) && t.isAlive())) {
            Thread.sleep(20);
            waited += 20;
            assertTrue(waited < 60_000, "no thread named " + name + " started");
        }
    }

    /** Whether the thread held in the session variable ends within ten seconds. */
    private static boolean helperStops(String variable) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (!(Boolean) value(variable + ".isAlive()")) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void magicsListTimeAndLoad() throws Exception {
        String list = printed("%lsmagic");
        for (String magic : List.of("%classpath", "%jars", "%maven", "%load", "%time", "%%time", "%lsmagic")) {
            assertTrue(list.contains(magic), list);
        }
        assertTrue(printed("%%time\nint slept = 1;").startsWith("Wall time: "));
        assertTrue(printed("%time Math.abs(-1)").startsWith("Wall time: "));
        Files.writeString(workDir.resolve("helpers.jsh"), "int twice(int x) { return 2 * x; }\n");
        cells.evaluate("%load helpers.jsh");
        assertEquals(2 * 21, value("twice(21)"));
    }

    @Test
    void magicsAndCodeRunInTheirOrder() throws Exception {
        Files.writeString(workDir.resolve("first.jsh"), "String order = \"loaded\";\n");
        assertEquals("loaded+code", value("%load first.jsh\norder + \"+code\""));
    }

    @Test
    void classpathAddsAJarBuiltHere() throws Exception {
        Path sources = Files.createDirectories(workDir.resolve("src/demo"));
        Path classes = Files.createDirectories(workDir.resolve("classes"));
        Path source = Files.createDirectories(classes.resolve("demo")).resolve("Greeter.java");
        Files.writeString(source, "package demo;\n/** Greetings. */\npublic class Greeter {\n"
                + "  /** Greets someone by name. Nothing else. */\n"
                + "  public static String hello(String who) { return \"hello \" + who; }\n}\n");
        int compiled = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", classes.toString(), source.toString());
        assertEquals(0, compiled);
        assertTrue(printed("%classpath classes").contains("added 1 entry"));
        assertEquals("hello notebook", value("demo.Greeter.hello(\"notebook\")"));
        assertTrue(printed("%jars").contains(classes.toString()));
        // JShell finds Javadoc in the JDK's src.zip only; for added classes inspection gives the signature
        List<String> docs = cells.session().inspect("demo.Greeter.hello(\"x\")", "demo.Greeter.he".length());
        assertEquals(List.of("String demo.Greeter.hello(String)"), docs);
    }

    @Test
    void mavenResolvesFromCentralWithDependencies() throws Exception {
        String said = printed("%maven org.apache.commons:commons-text:1.12.0");
        assertTrue(said.contains("org.apache.commons:commons-text:1.12.0: added"), said);
        assertEquals(org.apache.commons.text.WordUtils.capitalize("associative memory"),
                value("org.apache.commons.text.WordUtils.capitalize(\"associative memory\")"));
        // commons-lang3 came along as a dependency of commons-text
        assertEquals("abc", value("org.apache.commons.lang3.StringUtils.reverse(\"cba\")"));
        assertTrue(Files.exists(workDir.resolve("maven-cache/org.apache.commons/commons-text/1.12.0/commons-text-1.12.0.jar")));
    }

    @Test
    void badMagicsTeach() {
        CellFailure unknown = assertThrows(CellFailure.class, () -> cells.evaluate("%mavn org.x:y:1"));
        assertEquals("IllegalArgumentException", unknown.errorName());
        assertTrue(unknown.getMessage().contains("unknown magic %mavn"), unknown.getMessage());
        CellFailure coordinates = assertThrows(CellFailure.class, () -> cells.evaluate("%maven commons-text"));
        assertTrue(coordinates.getMessage().contains("group:artifact:version"), coordinates.getMessage());
        CellFailure missing = assertThrows(CellFailure.class, () -> cells.evaluate("%load nowhere.jsh"));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
    }

    @Test
    void completionComesFromJShell() throws Exception {
        cells.evaluate("String greeting = \"hi\";");
        JShellSession.Completion math = cells.session().complete("Math.ma", 7);
        assertTrue(math.matches().contains("max("), math::toString);
        assertEquals(5, math.start());
        String code = "int x = 1;\ngreeting.subs";
        JShellSession.Completion method = cells.session().complete(code, code.length());
        assertTrue(method.matches().contains("substring("), method::toString);
        assertEquals(code.length() - "subs".length(), method.start());
    }

    @Test
    void completenessFollowsJavaSyntax() {
        JShellSession session = cells.session();
        assertEquals("incomplete", session.completeness("for (int i = 0; i < 3; i++) {"));
        assertEquals("complete", session.completeness("int a = 1;\nint b = a + 1"));
        assertEquals("invalid", session.completeness(")"));
    }

    @Test
    void inspectionGivesTheSignaturesOfOverloads() {
        List<String> docs = cells.session().inspect("Math.max(1, 2)", 6);
        assertTrue(docs.stream().anyMatch(d -> d.startsWith("int Math.max(int a, int b)")), docs::toString);
    }

    @Test
    void inspectionGivesTheLibrarysOwnJavadocPerOverload() throws Exception {
        List<String> network = cells.session().inspect("network()", 3);
        assertEquals(List.of("org.hopfieldlab.dsl.NetworkBuilder.Start org.hopfieldlab.dsl.Hopfield.network()\n"
                + "    Starts a network: next comes feature(n) or feature(n, lagrangian)."), network);
        cells.evaluate("var inspected = network().feature(4).memory(2, softmax()).build();");
        List<String> recall = cells.session().inspect("inspected.recall(new double[4])", "inspected.rec".length());
        assertEquals(3, recall.size(), recall::toString);
        assertEquals(3, recall.stream().map(doc -> doc.substring(doc.indexOf('\n'))).distinct().count(),
                () -> "each overload has its own summary: " + recall);
        List<String> digits = cells.session().inspect("Digits", 3);
        assertTrue(digits.get(0).contains("handwritten digits from MNIST"), digits::toString);
    }

    @Test
    void displayPublishesRichBundlesInTheMiddleOfACell() throws Exception {
        displayed.clear();
        cells.evaluate("display(\"<b>bold</b>\", \"text/html\");\n"
                + "class Badge implements org.hopfieldlab.display.RichDisplay {\n"
                + "  public Map<String, String> mimeBundle() { return Map.of(\"text/plain\", \"badge\", \"text/markdown\", \"**badge**\"); }\n"
                + "}\n"
                + "display(new Badge());");
        assertEquals(2, displayed.size());
        assertEquals("<b>bold</b>", displayed.get(0).get("text/html"));
        assertEquals(Map.of("text/plain", "badge", "text/markdown", "**badge**"), displayed.get(1));
        CellFailure wrongType = assertThrows(CellFailure.class, () -> cells.evaluate("display(new Badge(), \"image/png\")"));
        assertEquals("IllegalArgumentException", wrongType.errorName());
        assertTrue(wrongType.getMessage().contains("cannot display Badge as image/png"), wrongType.getMessage());
    }

    @Test
    void tablesShowHeadAndTailAsHtml() throws Exception {
        Object table = value("Table.create(\"squares\", IntColumn.create(\"n\", IntStream.range(0, 100).toArray()),"
                + " IntColumn.create(\"square\", IntStream.range(0, 100).map(i -> i * i).toArray()))");
        String html = new MimeRenderer().render(table).get("text/html");
        assertTrue(html.contains("<th>square</th>"), html);
        assertTrue(html.contains("<td>" + 99 * 99 + "</td>"), "the tail is shown");
        assertTrue(html.contains("<td>" + 9 * 9 + "</td>"), "the head is shown");
        assertFalse(html.contains("<td>" + 50 * 50 + "</td>"), "the middle is left out");
        assertTrue(html.contains("100 rows"), html);
    }

    @Test
    void figuresInlinePlotlyOnceWithValidDivIds() throws Exception {
        MimeRenderer renderer = new MimeRenderer();
        String figure = "ScatterPlot.create(\"squares\", Table.create(\"t\", DoubleColumn.create(\"x\", new double[] {1, 2, 3}),"
                + " DoubleColumn.create(\"y\", new double[] {1, 4, 9})), \"x\", \"y\")";
        String first = renderer.render(value(figure)).get("text/html");
        String second = renderer.render(value(figure)).get("text/html");
        String plotlyMarker = "window.define = undefined";
        assertTrue(first.contains(plotlyMarker) && first.contains("Plotly.newPlot"));
        assertTrue(first.length() > 1_000_000, "plotly's code is inlined: " + first.length());
        assertFalse(second.contains(plotlyMarker));
        assertTrue(second.length() < 10_000, "later figures reuse plotly: " + second.length());
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("id='([^']+)'").matcher(second);
        assertTrue(id.find(), second);
        assertTrue(id.group(1).matches("[A-Za-z_$][A-Za-z0-9_$]*"), id.group(1));
    }
}
