package org.hopfieldlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Expressions compiled in one javac pass behave as JShell's own compilation of them: the same cells run in a
 * session with the lane and in one without give the same values, output and errors.
 */
class ExpressionLaneTest {

    private static JShellSession withLane;
    private static JShellSession jshellOnly;

    @BeforeAll
    static void startSessions() throws Exception {
        withLane = new JShellSession(KernelMain.kernelClassPath(), true);
        jshellOnly = new JShellSession(KernelMain.kernelClassPath(), false);
        assertTrue(withLane.hasExpressionLane(), "the test JVM exports javac's internals (kernel/pom.xml argLine)");
        assertFalse(jshellOnly.hasExpressionLane());
    }

    @AfterAll
    static void closeSessions() {
        withLane.close();
        jshellOnly.close();
    }

    /** What a cell did, as the notebook would show it: value (class and text), printed output, or error. */
    private static String outcome(JShellSession session, String cell) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String shown;
        try {
            CellResult result = session.execute(cell);
            shown = !result.hasValue() ? "(no value)"
                    : result.value() == null ? "null" : typeName(result.value()) + " " + result.value();
        } catch (CellFailure failure) {
            shown = failure.errorName() + ": " + failure.getMessage() + "\n" + String.join("\n", failure.traceback());
        } finally {
            System.setOut(original);
        }
        return shown + " | printed: " + printed.toString(StandardCharsets.UTF_8);
    }

    /** Classes declared in cells carry generated names that differ between the two ways of compiling. */
    private static String typeName(Object value) {
        String name = value.getClass().getName();
        return name.startsWith("REPL.") ? "a class of the session" : name;
    }

    /** Runs the cells in both sessions, checks they agree, and returns the lane session's outcomes. */
    private static List<String> sameInBoth(String... cells) {
        List<String> outcomes = new ArrayList<>();
        for (String cell : cells) {
            String jshell = outcome(jshellOnly, cell);
            String lane = outcome(withLane, cell);
            assertEquals(jshell, lane, () -> "the lane and JShell disagree on: " + cell);
            outcomes.add(lane);
        }
        return outcomes;
    }

    private static long laneRunsDuring(Runnable work) {
        long before = withLane.expressionLaneRuns();
        work.run();
        return withLane.expressionLaneRuns() - before;
    }

    @Test
    void plainExpressionsGiveTheSameValues() {
        long runs = laneRunsDuring(() -> {
            List<String> shown = sameInBoth("1 + 1", "'a'", "(byte) 3", "Math.sqrt(2)", "List.of(1, 2, 3)",
                    "\"a\" + \"b\" // a comment after the expression", "new int[] {1, 2}.length", "null",
                    "network().feature(4).memory(2, softmax()).build().features()",
                    "new Object() { public String toString() { return \"anonymous\"; } }",
                    "((java.util.function.IntUnaryOperator) i -> i * 2).applyAsInt(21)",
                    "\"\"\"\n   text ( block\n   \"\"\".strip()");
            assertTrue(shown.get(0).startsWith("java.lang.Integer 2 |"), shown.get(0));
            assertTrue(shown.get(1).startsWith("java.lang.Character a |"), shown.get(1));
        });
        assertEquals(12, runs, "every one of these is an expression the lane compiles");
    }

    @Test
    void theSessionsDeclarationsAreVisible() {
        long runs = laneRunsDuring(() -> {
            List<String> shown = sameInBoth(
                    "int counted = 4;", "counted * 10",
                    "String greet(String name) { return \"hello \" + name; }", "greet(\"lane\")",
                    "class Box { int held = 7; }", "new Box().held",
                    "record Pair(int a, int b) { int sum() { return a + b; } }", "new Pair(2, 3).sum()",
                    "enum Colour { RED, GREEN }", "Colour.GREEN.ordinal()",
                    "counted = 9", "counted",
                    "double counted = 1.5;", "counted * 2",
                    "var net = network().feature(3).memory(2, softmax()).build();", "net.memories()");
            assertTrue(shown.get(1).startsWith("java.lang.Integer 40 |"), shown.get(1));
            assertTrue(shown.get(13).startsWith("java.lang.Double 3.0 |"), shown.get(13));
        });
        assertEquals(9, runs, "the expressions, not the declarations");
    }

    @Test
    void voidCallsPrintAndShowNothing() {
        List<String> shown = sameInBoth("System.out.println(\"from a void call\")", "1 + 1;",
                "System.out.print(\"x\");");
        assertEquals("(no value) | printed: from a void call" + System.lineSeparator(), shown.get(0));
        assertEquals("(no value) | printed: ", shown.get(1));
    }

    @Test
    void exceptionsNameTheUsersClassAndFramesWithoutTheLanesNames() {
        List<String> shown = sameInBoth("Integer.parseInt(\"zz\")",
                "int boom(int depth) { if (depth == 0) throw new IllegalStateException(\"bottom\"); return boom(depth - 1); }",
                "boom(2)");
        assertTrue(shown.get(0).startsWith("NumberFormatException: For input string: \"zz\""), shown.get(0));
        assertTrue(shown.get(2).contains("at boom (in a cell)") && shown.get(2).contains("at cell (in a cell)"), shown.get(2));
        assertFalse(shown.get(2).contains("$Lane$") || shown.get(2).contains("$JShell$"), shown.get(2));
    }

    @Test
    void whatTheLaneCannotCompileIsJShellsToReport() {
        long runs = laneRunsDuring(() -> {
            List<String> shown = sameInBoth("undefinedName + 1", "Math.max(1)", "1 +* 2");
            assertTrue(shown.get(0).startsWith("CompilationError: line 1: cannot find symbol"), shown.get(0));
        });
        assertEquals(0, runs);
    }

    @Test
    void anInterruptStopsABusyExpression() throws Exception {
        long before = withLane.expressionLaneRuns();
        CompletableFuture<Void> stopper = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            withLane.interrupt();
        });
        CellFailure failure = assertThrows(CellFailure.class,
                () -> withLane.execute("java.util.stream.LongStream.iterate(0, i -> i + 1).sum()"));
        stopper.get(10, TimeUnit.SECONDS);
        assertEquals("Interrupted", failure.errorName());
        assertEquals(before + 1, withLane.expressionLaneRuns());
        assertEquals(2, withLane.execute("1 + 1").value());
    }

    @Test
    void snippetsThatStartLikeDeclarationsOrStatementsGoToJShell() {
        assertTrue(JavaTokens.startsLikeDeclaration("int x = 3"));
        assertTrue(JavaTokens.startsLikeDeclaration("List<String> names = List.of()"));
        assertTrue(JavaTokens.startsLikeDeclaration("Network net;"));
        assertTrue(JavaTokens.startsLikeDeclaration("double[] xs = {1}"));
        assertTrue(JavaTokens.startsLikeDeclaration("for (int i = 0; i < 3; i++) {}"));
        assertTrue(JavaTokens.startsLikeDeclaration("@Deprecated void f() {}"));
        assertFalse(JavaTokens.startsLikeDeclaration("counted"));
        assertFalse(JavaTokens.startsLikeDeclaration("counted = 9"));
        assertFalse(JavaTokens.startsLikeDeclaration("x = 3"));
        assertFalse(JavaTokens.startsLikeDeclaration("a < b"));
        assertFalse(JavaTokens.startsLikeDeclaration("new Foo()"));
        assertFalse(JavaTokens.startsLikeDeclaration("net.recall(q).plot()"));
    }

    @Test
    void onlyBalancedTextCanBePutBetweenParentheses() {
        assertTrue(JavaTokens.isBalancedExpression("f(a, b[1], () -> { run(); return 2; })"));
        assertTrue(JavaTokens.isBalancedExpression("\")(\" + ')' + \"\"\"\n ; ( \"\"\" // ) ;"));
        assertFalse(JavaTokens.isBalancedExpression("1); System.exit(0); (2"));
        assertFalse(JavaTokens.isBalancedExpression("a; b"));
        assertFalse(JavaTokens.isBalancedExpression("\"unclosed"));
        assertFalse(JavaTokens.isBalancedExpression("x /* unclosed"));
        assertFalse(JavaTokens.isBalancedExpression("(a"));
        assertFalse(JavaTokens.isBalancedExpression("f\\u0029 + g\\u0028"), "balanced as written, not once javac decodes it");
    }
}
