package org.hopfieldlab.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * A small team of daemon helper threads (one per core beyond the first) for splitting a kernel into
 * parts. The caller works too: it and the helpers claim parts until none are left.
 *
 * <p>Kernels here take tens of microseconds to a few milliseconds, so waking a parked thread (often
 * longer than the work on a busy machine) would eat the gain: helpers spin briefly after each job
 * before parking, as BLAS thread pools do. One caller uses the team at a time; a concurrent caller
 * runs all of its parts itself. The number of parts is chosen by the kernel from the problem size
 * alone, so the arithmetic, and the result, never depend on which or how many threads ran them.
 */
public final class Parallel {

    private static final long SPIN_NANOS = 200_000;
    private static final ReentrantLock TEAM = new ReentrantLock();
    private static final Helper[] HELPERS = startHelpers(Runtime.getRuntime().availableProcessors() - 1);
    private static final ThreadLocal<Boolean> ALONE = ThreadLocal.withInitial(() -> false);

    private Parallel() {
    }

    /**
     * How many parts of at least {@code minWorkPerPart} fit in {@code work}, between 1 and {@code maxParts},
     * rounded down to a power of two so that 2, 4 or 8 cores share them evenly (3 parts on 2 cores would
     * leave one core idle for a third of the time).
     */
    public static int parts(long work, long minWorkPerPart, int maxParts) {
        long parts = Math.max(1, Math.min(maxParts, work / Math.max(1, minWorkPerPart)));
        return (int) Long.highestOneBit(parts);
    }

    /** Runs {@code body.accept(part)} for every part in {@code [0, parts)}, returning when all are done. */
    public static void forEach(int parts, IntConsumer body) {
        if (parts <= 1 || HELPERS.length == 0 || ALONE.get() || !TEAM.tryLock()) {
            for (int part = 0; part < parts; part++) {
                body.accept(part);
            }
            return;
        }
        Job job = new Job(body, parts);
        try {
            for (Helper helper : HELPERS) {
                helper.offer(job);
            }
            job.work();
            job.awaitDone();
        } finally {
            TEAM.unlock();
        }
        Throwable t = job.failure;
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /** Runs {@code task} with every kernel part executed by the calling thread (to check thread independence). */
    static void alone(Runnable task) {
        ALONE.set(true);
        try {
            task.run();
        } finally {
            ALONE.set(false);
        }
    }

    private static Helper[] startHelpers(int count) {
        Helper[] helpers = new Helper[Math.max(0, count)];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper();
            Thread thread = new Thread(helpers[i], "hopfieldlab-kernel-" + (i + 1));
            thread.setDaemon(true);
            helpers[i].thread = thread;
            thread.start();
        }
        return helpers;
    }

    private static final class Job {
        final IntConsumer body;
        final int parts;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(IntConsumer body, int parts) {
            this.body = body;
            this.parts = parts;
        }

        void work() {
            for (int part = next.getAndIncrement(); part < parts; part = next.getAndIncrement()) {
                try {
                    body.accept(part);
                } catch (Throwable t) {
                    if (failure == null) {
                        failure = t;
                    }
                } finally {
                    done.incrementAndGet();
                }
            }
        }

        // Helpers write into the caller's arrays: returning before they finish would hand back half a result.
        void awaitDone() {
            for (int spins = 1; done.get() < parts; spins++) {
                if ((spins & 1023) == 0) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
        }
    }

    private static final class Helper implements Runnable {
        final AtomicReference<Job> slot = new AtomicReference<>();
        Thread thread;

        void offer(Job job) {
            slot.set(job);
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            while (true) {
                Job job = slot.getAndSet(null);
                if (job != null) {
                    job.work();
                    continue;
                }
                long spinUntil = System.nanoTime() + SPIN_NANOS;
                while (slot.get() == null && System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                }
                if (slot.get() == null) {
                    LockSupport.park(this);
                }
            }
        }
    }
}
