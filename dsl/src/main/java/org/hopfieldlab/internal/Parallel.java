package org.hopfieldlab.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * A small shared pool of daemon threads for splitting a kernel into parts. The caller works too:
 * it and up to {@code cores - 1} helpers claim parts until none are left. The number of parts is
 * chosen by the kernel from the problem size alone, so the arithmetic (and the result) never depends
 * on how many threads happen to run the parts.
 */
public final class Parallel {

    private static final int HELPERS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    private static final ExecutorService POOL = Executors.newFixedThreadPool(HELPERS, runnable -> {
        Thread thread = new Thread(runnable, "hopfieldlab-kernel");
        thread.setDaemon(true);
        return thread;
    });

    private Parallel() {
    }

    /** How many parts of at least {@code minWorkPerPart} fit in {@code work}, between 1 and {@code maxParts}. */
    public static int parts(long work, long minWorkPerPart, int maxParts) {
        long parts = work / Math.max(1, minWorkPerPart);
        return (int) Math.max(1, Math.min(maxParts, parts));
    }

    /** Runs {@code body.accept(part)} for every part in {@code [0, parts)}, returning when all are done. */
    public static void forEach(int parts, IntConsumer body) {
        if (parts <= 1) {
            if (parts == 1) {
                body.accept(0);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(parts);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int part = next.getAndIncrement(); part < parts; part = next.getAndIncrement()) {
                try {
                    body.accept(part);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }
        };
        int helpers = Math.min(parts - 1, HELPERS);
        for (int i = 0; i < helpers; i++) {
            POOL.execute(worker);
        }
        worker.run();
        awaitUninterruptibly(done);
        Throwable t = failure.get();
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

    // Helpers write into the caller's arrays: returning before they finish would hand back half a result.
    private static void awaitUninterruptibly(CountDownLatch done) {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
