package org.hopfieldlab.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's local execution, with each snippet run on a fresh thread of a known stack size so that
 * a deep recursion ends in a {@link StackOverflowError} the kernel can report, and so that
 * {@link #stop()} can stop exactly that thread and the threads it started, busy loops included.
 *
 * <p>The user's own {@link Throwable} and the raw value of the last snippet are kept here:
 * JShell's API only hands out strings and a re-created exception without the original class.
 */
final class CellExecutionControl extends LocalExecutionControl {

    /** Large enough for honest recursive code, small enough that an endless recursion ends fast. */
    static final long CELL_STACK_BYTES = 64L * 1024 * 1024;

    private static final String JSHELL_CLASS_PREFIX = "REPL.$JShell$";

    /** All threads of this session's cells, one child group per cell. */
    private final ThreadGroup cellThreads = new ThreadGroup("hopfield-cells");

    private final AtomicLong cellNumber = new AtomicLong();
    /** The running cell's group: every snippet of the cell runs in it, and the threads they start join it. */
    private volatile ThreadGroup cellGroup = new ThreadGroup(cellThreads, "hopfield-cell-0");

    private final AtomicReference<Thread> running = new AtomicReference<>();
    private volatile Throwable lastFailure;
    private volatile Object lastValue;
    private volatile boolean stopped;
    private final List<String> classesOfCurrentCell = new ArrayList<>();
    private final Map<String, byte[]> jshellClasses = new ConcurrentHashMap<>();

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(classes);
        synchronized (classesOfCurrentCell) {
            for (ClassBytecodes loaded : classes) {
                classesOfCurrentCell.add(loaded.name());
                if (loaded.name().startsWith(JSHELL_CLASS_PREFIX)) {
                    jshellClasses.put(loaded.name(), loaded.bytecodes());
                }
            }
        }
    }

    /**
     * The class files of every class JShell compiled for the session's snippets, by binary name: the
     * {@link ExpressionLane} compiles against those still live.
     */
    Map<String, byte[]> loadedClasses() {
        return jshellClasses;
    }

    /** A new cell starts: later {@link #releaseVariablesOfCurrentCell()} only touches what it defines. */
    void startCell() {
        cellGroup = new ThreadGroup(cellThreads, "hopfield-cell-" + cellNumber.incrementAndGet());
        synchronized (classesOfCurrentCell) {
            classesOfCurrentCell.clear();
        }
    }

    /**
     * Sets every variable the current cell declared to {@code null}, so that a cell that filled the heap
     * (an ever-growing list held in a JShell variable) gives its memory back.
     *
     * @return how many variables were released
     */
    int releaseVariablesOfCurrentCell() {
        int released = 0;
        synchronized (classesOfCurrentCell) {
            for (String name : classesOfCurrentCell) {
                try {
                    for (Field field : findClass(name).getDeclaredFields()) {
                        int modifiers = field.getModifiers();
                        if (Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers) && !field.getType().isPrimitive()) {
                            field.setAccessible(true);
                            if (field.get(null) != null) {
                                field.set(null, null);
                                released++;
                            }
                        }
                    }
                } catch (ReflectiveOperationException | RuntimeException | LinkageError ignored) {
                    // a class that cannot be inspected holds nothing we could release
                }
            }
        }
        return released;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        REPL.$Cancel$.releaseEnded();   // threads still being stopped stay targeted; this cell's are not
        // the cell's own group: threads it starts land there too (a new thread joins its creator's group)
        Thread cellThread = new Thread(cellGroup, () -> {
            try {
                result[0] = doitMethod.invoke(null);
            } catch (InvocationTargetException e) {
                failure[0] = e.getCause();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "hopfield-cell", CELL_STACK_BYTES);
        cellThread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        running.set(cellThread);
        cellThread.start();
        try {
            while (true) {
                try {
                    cellThread.join();
                    break;
                } catch (InterruptedException ignored) {
                    // the cell keeps its own lifetime; only stop() ends it
                }
            }
        } finally {
            running.set(null);
        }
        Throwable thrown = failure[0];
        if (thrown instanceof ThreadDeath) {
            stopped = true;
            throw new StoppedException();
        }
        if (thrown != null) {
            lastFailure = thrown;
            throw new UserException(String.valueOf(thrown.getMessage()), thrown.getClass().getName(),
                    thrown.getStackTrace());
        }
        lastValue = result[0];
        return valueString(result[0]);
    }

    /**
     * Stops the running cell and every thread it started. With no cell running, stops the threads earlier
     * cells started and left running (a background loop that keeps printing, a runaway timer).
     */
    @Override
    public void stop() {
        Thread cellThread = running.get();
        LinkedHashSet<Thread> targets = new LinkedHashSet<>();
        if (cellThread != null) {
            targets.add(cellThread);
            ThreadGroup group = cellThread.getThreadGroup();
            if (group != null) {
                targets.addAll(threadsOf(group));
            }
        } else {
            targets.addAll(threadsOf(cellThreads));
        }
        REPL.$Cancel$.stop(targets); // Java 20 and later: the woven checks end the snippet code
        for (Thread thread : targets) {
            stopThread(thread);
        }
    }

    private static List<Thread> threadsOf(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 16];
        int count = group.enumerate(threads, true);
        return Arrays.asList(threads).subList(0, count);
    }

    @SuppressWarnings({"deprecation", "removal"}) // Thread.stop is the only way to end a loop that never checks for interrupts
    private static void stopThread(Thread thread) {
        if (thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.stop();
        } catch (UnsupportedOperationException goneSinceJava20) {
            // cell code stops at its next woven check; library code waiting or sleeping stops here
            thread.interrupt();
        }
    }

    /** Forget what the previous snippet left behind; called before each snippet runs. */
    void clearSnippetState() {
        lastFailure = null;
        lastValue = null;
        stopped = false;
    }

    Throwable lastFailure() {
        return lastFailure;
    }

    Object lastValue() {
        return lastValue;
    }

    boolean wasStopped() {
        return stopped;
    }
}
