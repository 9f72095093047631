package org.hopfieldlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.messages.MessageType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background warm-up with its real parts: a loopback kernel on 127.0.0.1, javac, a session beside it. Its
 * schedule is observed through its package-private state, not through time.
 */
class BackgroundWarmUpTest {

    private static final long NEVER_MILLIS = 60_000;
    private static final PrintStream NO_LOG = new PrintStream(java.io.OutputStream.nullOutputStream());

    @TempDir
    Path workDir;

    private static BackgroundWarmUp warmUp(BackgroundWarmUp.Budget budget, long idleNanos, String setting) throws Exception {
        return new BackgroundWarmUp(KernelMain.kernelClassPath(), budget, idleNanos, NO_LOG, setting);
    }

    private static BackgroundWarmUp.Budget cells(int count) {
        return new BackgroundWarmUp.Budget(count, Long.MAX_VALUE, 1_000, 0.05, 1);
    }

    /** What the kernel tells the warm-up once it has answered the first cell. */
    private static void firstCellAnswered(BackgroundWarmUp warmUp) {
        warmUp.requestStarted();
        warmUp.requestEnded(MessageType.EXECUTE_REQUEST);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + NEVER_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "never happened: " + what);
            Thread.sleep(5);
        }
    }

    @Test
    void theLoopbackKernelAnswersCellsThroughTheWholeProtocol() throws Exception {
        WarmUpCell cell = WarmUpCell.create(KernelMain.kernelClassPath());
        assertNotNull(cell, "the test JVM exports javac's internals (kernel/pom.xml argLine)");
        try (LoopbackKernel loopback = LoopbackKernel.open(cell)) {
            String result = null;
            int sent = 0;
            while (!loopback.iopubJoined() && sent < 200) { // the SUB socket joins after a few messages at most
                result = loopback.execute("40 + " + sent++);
            }
            assertTrue(loopback.iopubJoined());
            assertEquals(String.valueOf(40 + sent - 1), result);
            assertEquals("42", loopback.execute("40 + 2"));
            assertEquals("[1, 2]", loopback.execute("List.of(1, 2)"), "the session's start-up imports are in scope");
            assertEquals(sent + 2, cell.compiled());
            assertNull(cell.failure());
            assertThrows(IllegalStateException.class, () -> loopback.execute("undefinedName + 1"));
            assertNotNull(cell.failure(), "the failure is kept for the warm-up, which ends on it");
        }
    }

    @Test
    void stopsAfterItsBudgetOfCellsOrTime() throws Exception {
        BackgroundWarmUp byCells = warmUp(cells(5), 0, null);
        firstCellAnswered(byCells);
        assertTrue(byCells.awaitFinished(NEVER_MILLIS));
        assertEquals("budget: cells", byCells.endedBecause());
        assertEquals(5, byCells.cellsRun());

        BackgroundWarmUp byTime = warmUp(new BackgroundWarmUp.Budget(1_000, 1, 1_000, 0.05, 1), 0, null);
        firstCellAnswered(byTime);
        assertTrue(byTime.awaitFinished(NEVER_MILLIS));
        assertEquals("budget: time", byTime.endedBecause());
        assertEquals(1, byTime.cellsRun());
    }

    @Test
    void stopsOnceCellsStopGettingFaster() throws Exception {
        // a window of 2 cells gains only if 1000 times faster than the best before: never, so the first window
        // sets the best and the next two (the patience) end it
        BackgroundWarmUp warmUp = warmUp(new BackgroundWarmUp.Budget(1_000, Long.MAX_VALUE, 2, 0.999, 2), 0, null);
        firstCellAnswered(warmUp);
        assertTrue(warmUp.awaitFinished(NEVER_MILLIS));
        assertEquals("no further gain", warmUp.endedBecause());
        assertEquals(3 * 2, warmUp.cellsRun());
    }

    @Test
    void startsOnlyOnceTheFirstCellIsAnsweredAndEndsWhenStopped() throws Exception {
        BackgroundWarmUp warmUp = warmUp(cells(100_000), 0, null);
        warmUp.requestStarted();
        warmUp.requestEnded(MessageType.KERNEL_INFO_REQUEST);
        assertEquals(BackgroundWarmUp.State.WAITING_FOR_FIRST_CELL, warmUp.state());
        firstCellAnswered(warmUp);
        awaitTrue(() -> warmUp.cellsRun() >= 3, "three warm-up cells");
        warmUp.stop();
        assertTrue(warmUp.awaitFinished(NEVER_MILLIS));
        assertEquals("stopped", warmUp.endedBecause());
    }

    @Test
    void pausesWhileARequestIsHandledAndGoesOnAfterwards() throws Exception {
        BackgroundWarmUp warmUp = warmUp(cells(100_000), 0, null);
        firstCellAnswered(warmUp);
        awaitTrue(() -> warmUp.cellsRun() >= 3, "three warm-up cells");
        warmUp.requestStarted(); // a cell arrives
        awaitTrue(() -> warmUp.state() == BackgroundWarmUp.State.PAUSED, "the warm-up pausing");
        int before = warmUp.cellsRun();
        int pausesBefore = warmUp.pauses();
        Thread.sleep(300);
        assertEquals(before, warmUp.cellsRun(), "no warm-up cell starts while a request is handled");
        assertEquals(BackgroundWarmUp.State.PAUSED, warmUp.state());
        warmUp.requestEnded(MessageType.EXECUTE_REQUEST); // the cell has been answered
        awaitTrue(() -> warmUp.cellsRun() > before, "the warm-up going on");
        assertTrue(warmUp.pauses() > pausesBefore);
        warmUp.stop();
        assertTrue(warmUp.awaitFinished(NEVER_MILLIS));
    }

    @Test
    void waitsUntilTheKernelHasBeenQuietLongEnough() throws Exception {
        BackgroundWarmUp warmUp = warmUp(cells(100_000), NEVER_MILLIS * 1_000_000, null);
        firstCellAnswered(warmUp);
        awaitTrue(() -> warmUp.state() == BackgroundWarmUp.State.PAUSED, "the warm-up thread waiting");
        Thread.sleep(300);
        assertEquals(0, warmUp.cellsRun(), "a kernel that was busy a moment ago gets no warm-up cell");
        warmUp.stop();
        assertTrue(warmUp.awaitFinished(NEVER_MILLIS));
        assertEquals("stopped", warmUp.endedBecause());
        assertEquals(0, warmUp.cellsRun());
    }

    @Test
    void theOffSwitchDisablesIt() throws Exception {
        BackgroundWarmUp off = warmUp(cells(5), 0, "off");
        firstCellAnswered(off);
        assertEquals(BackgroundWarmUp.State.DISABLED, off.state());
        assertFalse(off.awaitFinished(0), "no warm-up thread was started");
        assertEquals(0, off.cellsRun());

        String before = System.getProperty(BackgroundWarmUp.PROPERTY);
        System.setProperty(BackgroundWarmUp.PROPERTY, "off");
        try {
            BackgroundWarmUp kernels = BackgroundWarmUp.forKernel(KernelMain.kernelClassPath(), NO_LOG, "127.0.0.1");
            firstCellAnswered(kernels);
            assertEquals(BackgroundWarmUp.State.DISABLED, kernels.state());
        } finally {
            if (before == null) {
                System.clearProperty(BackgroundWarmUp.PROPERTY);
            } else {
                System.setProperty(BackgroundWarmUp.PROPERTY, before);
            }
        }
        assertEquals(BackgroundWarmUp.State.WAITING_FOR_FIRST_CELL,
                warmUp(cells(5), 0, null).state(), "on unless switched off");
    }

    @Test
    void itIsOffWhenJupyterConnectsOnAnAddressOtherThanLoopback() throws Exception {
        // its private kernel listens on 127.0.0.1; a kernel told to listen elsewhere listens nowhere else
        for (String ip : new String[] {"0.0.0.0", "192.0.2.7", "10.1.2.3"}) {
            BackgroundWarmUp warmUp = BackgroundWarmUp.forKernel(KernelMain.kernelClassPath(), NO_LOG, ip);
            firstCellAnswered(warmUp);
            assertEquals(BackgroundWarmUp.State.DISABLED, warmUp.state(), ip);
        }
        for (String ip : new String[] {"127.0.0.1", "localhost", "::1"}) {
            assertEquals(BackgroundWarmUp.State.WAITING_FOR_FIRST_CELL,
                    BackgroundWarmUp.forKernel(KernelMain.kernelClassPath(), NO_LOG, ip).state(), ip);
        }
    }

    @Test
    void aBudgetOutOfRangeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BackgroundWarmUp.Budget(0, 1, 1, 0.05, 1));
        assertTrue(e.getMessage().contains("0 cells"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BackgroundWarmUp.Budget(1, 1, 1, 1.0, 1));
    }

    /** Everything a notebook could see of a session, after each of the cells. */
    private List<String> seenBy(CellEvaluator cells, List<String> cellTexts) {
        List<String> seen = new ArrayList<>();
        for (String cell : cellTexts) {
            PrintStream original = System.out;
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            String outcome;
            try {
                CellResult result = cells.evaluate(cell);
                outcome = result.hasValue() ? String.valueOf(result.value()) : "(no value)";
            } catch (CellFailure failure) {
                outcome = failure.errorName() + ": " + failure.getMessage();
            } finally {
                System.setOut(original);
            }
            seen.add(cell + " -> " + outcome + " | printed: " + printed.toString(StandardCharsets.UTF_8));
        }
        JShellSession session = cells.session();
        seen.add("snippets: " + session.snippetRecord());
        seen.add("loaded classes: " + session.loadedClassNames());
        seen.add("lane class names given out: " + session.laneCompilations());
        seen.add("live declarations: " + session.liveDeclarations());
        return seen;
    }

    @Test
    void theWarmUpLeavesTheSessionAsItWas() throws Exception {
        List<String> before = List.of("int base = 40;", "base + 2", "record Point(int x, int y) {}", "new Point(1, base)");
        List<String> during = List.of("base * 2", "String word = \"warm\";", "word.length() + base");
        List<String> after = List.of("base + word.length()", "List.of(base, 1 + 1)", "%lsmagic", "%classpath",
                "Class.forName(\"REPL.$LaneWarmUp$1\")", "Class.forName(\"REPL.$Lane$1\")", "1 + 1");
        List<String> without;
        try (CellEvaluator cells = new CellEvaluator(new JShellSession(KernelMain.kernelClassPath()),
                workDir.resolve("maven"), workDir)) {
            without = new ArrayList<>(seenBy(cells, before));
            without.addAll(seenBy(cells, during));
            without.addAll(seenBy(cells, after));
        }
        List<String> with;
        BackgroundWarmUp warmUp = warmUp(cells(40), 0, null);
        try (CellEvaluator cells = new CellEvaluator(new JShellSession(KernelMain.kernelClassPath()),
                workDir.resolve("maven"), workDir)) {
            with = new ArrayList<>(seenBy(cells, before));
            firstCellAnswered(warmUp);
            with.addAll(seenBy(cells, during)); // runs while the warm-up does, as in the kernel
            assertTrue(warmUp.awaitFinished(NEVER_MILLIS));
            with.addAll(seenBy(cells, after));
        }
        assertEquals("budget: cells", warmUp.endedBecause(), "the warm-up ran in full");
        assertEquals(40, warmUp.cellsRun());
        assertEquals(without, with);
        assertTrue(with.stream().anyMatch(line -> line.startsWith("Class.forName(\"REPL.$LaneWarmUp$1\") -> ClassNotFoundException")),
                "the warm-up's classes are not in the session's class loader: " + with);
    }
}
