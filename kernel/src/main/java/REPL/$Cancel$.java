package REPL;

import java.util.Collection;
import java.util.Set;

/**
 * The stop flag JShell's local execution checks from Java 20 on. There, {@code Thread.stop} no longer works,
 * so JShell weaves a call of {@link #stopCheck()} into every method and loop of a snippet's classes, and
 * expects this class in the package of the snippets. JShell defines it in its own {@code invoke}, which the
 * kernel replaces; the kernel's jar provides it instead, and the kernel raises the flag to stop a cell. On
 * Java 17 nothing calls it.
 *
 * <p>A stop names the threads it ends, and stays raised until they have ended: a thread an earlier cell left
 * running may not reach its next check before the next cell starts (on a busy machine it may not even be
 * scheduled), and the next cell's own threads must run on. While nothing is being stopped a check is one
 * read of a volatile boolean.
 */
public final class $Cancel$ {

    /** Raised while the threads in {@link #stopping} are to end at their next check. */
    public static volatile boolean allStop;
    private static volatile Set<Thread> stopping = Set.of();

    private $Cancel$() {
    }

    /** Woven into snippet code: ends the thread when a stop was asked for it. */
    @SuppressWarnings({"deprecation", "removal"}) // ThreadDeath is what JShell's stop protocol throws
    public static void stopCheck() {
        if (allStop && stopping.contains(Thread.currentThread())) {
            throw new ThreadDeath();
        }
    }

    /** Asks these threads to end at their next check. */
    public static void stop(Collection<Thread> threads) {
        stopping = Set.copyOf(threads);
        allStop = true;
    }

    /** Lowers the flag once every thread asked to end has ended. */
    public static void releaseEnded() {
        if (allStop && stopping.stream().noneMatch(Thread::isAlive)) {
            allStop = false;
            stopping = Set.of();
        }
    }
}
