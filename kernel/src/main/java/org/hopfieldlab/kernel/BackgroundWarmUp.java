package org.hopfieldlab.kernel;

import io.github.spencerpark.jupyter.messages.MessageType;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Once the kernel has answered its first cell, runs trivial cells on a private loopback kernel
 * ({@link LoopbackKernel}, {@link WarmUpCell}) in a background thread, so that the JIT compiles the code every
 * cell goes through (javac, ZeroMQ, Gson, HMAC signing) while the user reads the notebook, not during their
 * next cells.
 *
 * <p>It gives way to the user: a warm-up cell only starts when no request is being handled and none has
 * ended for {@link #idleNanos} (a warm-up cell already under way finishes: it shares no state with the session,
 * only the CPU, for a few milliseconds). It stops for good after {@link Budget#maxCells} cells, after
 * {@link Budget#maxBusyNanos} spent in them, once {@link Budget#patience} windows of cells in a row were no
 * faster than the best window before (the JIT has done what it will; one slow window is often the JIT between
 * two steps), or at the first failure, quietly; then its sockets, threads and javac context
 * are gone. {@code -Dhopfield.backgroundWarmUp=off} disables it; {@code =verbose} prints each window's median
 * cell time on the kernel's log.
 */
final class BackgroundWarmUp implements SecureConnection.RequestListener {

    /** {@code off} disables the warm-up, {@code verbose} reports it on the kernel's log. */
    static final String PROPERTY = "hopfield.backgroundWarmUp";

    /** Where the warm-up is. */
    enum State { WAITING_FOR_FIRST_CELL, PAUSED, RUNNING, FINISHED, DISABLED }

    /**
     * When the warm-up stops for good.
     *
     * @param maxCells      at most this many warm-up cells
     * @param maxBusyNanos  at most this much time spent running them
     * @param window        cells per window: the median cell time of each window is what it watches
     * @param minGain       a window gains when its median is below {@code 1 - minGain} times the best before
     * @param patience      it stops after this many windows in a row without gain
     */
    record Budget(int maxCells, long maxBusyNanos, int window, double minGain, int patience) {

        Budget {
            if (maxCells < 1 || maxBusyNanos <= 0 || window < 1 || !(minGain >= 0 && minGain < 1) || patience < 1) {
                throw new IllegalArgumentException("budget out of range: " + maxCells + " cells, " + maxBusyNanos
                        + " ns, window " + window + ", gain " + minGain + ", patience " + patience
                        + "; expected positive limits and a gain in [0, 1)");
            }
        }
    }

    /** Up to twice what 300 trivial cells do for the JIT, at most a few seconds of one core. */
    static final Budget KERNEL_BUDGET = new Budget(600, 6_000_000_000L, 50, 0.02, 2);
    /**
     * A user who pauses this long is reading; a notebook run sends its next cell within a millisecond or two
     * (a busy machine can stretch that to tens of milliseconds, hence the margin).
     */
    static final long KERNEL_IDLE_NANOS = 200_000_000L;

    private final List<Path> classPath;
    private final Budget budget;
    private final long idleNanos;
    private final PrintStream log;
    private final boolean verbose;

    private final Object gate = new Object();
    private int requestsInFlight;                 // guarded by gate
    private long lastRequestEndedNanos = System.nanoTime(); // guarded by gate
    private volatile State state;
    private volatile boolean stopRequested;
    private volatile int cellsRun;
    private volatile int pauses;
    private volatile String endedBecause = "";
    private Thread thread;                         // guarded by gate

    /**
     * @param classPath what the session's cells compile against (the warm-up's compilations see the same)
     * @param budget    when it stops
     * @param idleNanos how long the kernel must have been quiet before a warm-up cell starts
     * @param log       the kernel's own log ({@code verbose} only)
     * @param setting   the value of {@value #PROPERTY}: {@code off}, {@code verbose}, or anything else for on
     */
    BackgroundWarmUp(List<Path> classPath, Budget budget, long idleNanos, PrintStream log, String setting) {
        if (idleNanos < 0) {
            throw new IllegalArgumentException("idleNanos is " + idleNanos + "; expected 0 or more");
        }
        this.classPath = List.copyOf(classPath);
        this.budget = budget;
        this.idleNanos = idleNanos;
        this.log = log;
        this.verbose = "verbose".equals(setting);
        this.state = "off".equals(setting) ? State.DISABLED : State.WAITING_FOR_FIRST_CELL;
    }

    /**
     * The kernel's warm-up, set up from {@value #PROPERTY}; off unless Jupyter's connection is on a loopback
     * address, since the warm-up's private kernel listens on 127.0.0.1 and the kernel listens only where the
     * connection file says.
     *
     * @param connectionIp the {@code ip} of the connection file
     */
    static BackgroundWarmUp forKernel(List<Path> classPath, PrintStream log, String connectionIp) {
        String setting = isLoopback(connectionIp) ? System.getProperty(PROPERTY) : "off";
        return new BackgroundWarmUp(classPath, KERNEL_BUDGET, KERNEL_IDLE_NANOS, log, setting);
    }

    static boolean isLoopback(String ip) {
        try {
            return java.net.InetAddress.getByName(ip).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void requestStarted() {
        if (state == State.FINISHED || state == State.DISABLED) {
            return;
        }
        synchronized (gate) {
            requestsInFlight++;
        }
        if (verbose && state == State.RUNNING) {
            log.println("hopfield kernel: background warm-up: a request arrived during warm-up cell " + (cellsRun + 1));
        }
    }

    @Override
    public void requestEnded(MessageType<?> type) {
        if (state == State.FINISHED || state == State.DISABLED) {
            return;
        }
        synchronized (gate) {
            requestsInFlight = Math.max(0, requestsInFlight - 1);
            lastRequestEndedNanos = System.nanoTime();
            if (type == MessageType.EXECUTE_REQUEST && thread == null && state == State.WAITING_FOR_FIRST_CELL) {
                thread = new Thread(this::run, "hopfield-background-warm-up");
                thread.setDaemon(true);
                thread.setPriority(Thread.MIN_PRIORITY);
                state = State.PAUSED;
                thread.start();
            }
            gate.notifyAll();
        }
    }

    /** Ends the warm-up (the kernel is shutting down); returns at once. */
    void stop() {
        stopRequested = true;
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    State state() {
        return state;
    }

    int cellsRun() {
        return cellsRun;
    }

    /** How many times the warm-up found the kernel busy or not yet quiet and waited. */
    int pauses() {
        return pauses;
    }

    /** Why it finished: "budget: cells", "budget: time", "no further gain", "stopped", or "failed: ...". */
    String endedBecause() {
        return endedBecause;
    }

    /** Waits until the warm-up has finished, at most {@code millis}; true when it has. */
    boolean awaitFinished(long millis) throws InterruptedException {
        Thread running;
        synchronized (gate) {
            running = thread;
        }
        if (running != null) {
            running.join(millis);
        }
        return state == State.FINISHED;
    }

    private void run() {
        String reason;
        try {
            WarmUpCell cell = WarmUpCell.create(classPath);
            if (cell == null) {
                reason = "failed: javac's reusable contexts are not accessible";
            } else {
                try (LoopbackKernel loopback = LoopbackKernel.open(cell)) {
                    reason = runCells(loopback, cell);
                }
            }
        } catch (Exception | LinkageError | VirtualMachineError e) {
            // a warm-up must never trouble the kernel: it ends here
            reason = "failed: " + e;
        }
        endedBecause = reason;
        state = State.FINISHED;
        if (verbose) {
            log.println("hopfield kernel: background warm-up ended after " + cellsRun + " cells (" + reason + ")");
        }
    }

    private String runCells(LoopbackKernel loopback, WarmUpCell cell) throws InterruptedException {
        long busyNanos = 0;
        double bestMedian = Double.NaN;
        int windowsWithoutGain = 0;
        long[] window = new long[budget.window()];
        while (true) {
            if (!awaitQuiet()) {
                return "stopped";
            }
            if (cellsRun >= budget.maxCells()) {
                return "budget: cells";
            }
            if (busyNanos >= budget.maxBusyNanos()) {
                return "budget: time";
            }
            state = State.RUNNING;
            if (verbose && cellsRun == 0) {
                log.println("hopfield kernel: background warm-up starts");
            }
            long began = System.nanoTime();
            // a new expression each time, as cells are: the lane compiles it into a class of a new name
            loopback.execute("1 + " + cellsRun);
            long took = System.nanoTime() - began;
            if (cell.failure() != null) {
                return "failed: " + cell.failure();
            }
            busyNanos += took;
            window[cellsRun % window.length] = took;
            cellsRun++;
            if (cellsRun % window.length == 0) {
                long[] sorted = window.clone();
                Arrays.sort(sorted);
                double median = sorted[sorted.length / 2];
                if (verbose) {
                    log.println(String.format(Locale.ROOT, "hopfield kernel: background warm-up cells %d-%d: median %.2f ms",
                            cellsRun - window.length + 1, cellsRun, median / 1e6));
                }
                if (median < (1 - budget.minGain()) * bestMedian || Double.isNaN(bestMedian)) {
                    bestMedian = median;
                    windowsWithoutGain = 0;
                } else if (++windowsWithoutGain >= budget.patience()) {
                    return "no further gain";
                }
            }
        }
    }

    /** Waits until no request is being handled and none ended within {@link #idleNanos}; false when stopped. */
    private boolean awaitQuiet() throws InterruptedException {
        synchronized (gate) {
            boolean waited = false;
            while (!stopRequested) {
                if (requestsInFlight == 0) {
                    long quietFor = System.nanoTime() - lastRequestEndedNanos;
                    if (quietFor >= idleNanos) {
                        if (waited) {
                            pauses++;
                        }
                        return true;
                    }
                    state = State.PAUSED;
                    waited = true;
                    long millis = Math.max(1, (idleNanos - quietFor + 999_999) / 1_000_000);
                    gate.wait(millis);
                } else {
                    state = State.PAUSED;
                    waited = true;
                    gate.wait();
                }
            }
            return false;
        }
    }
}
