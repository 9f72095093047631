package REPL;

/**
 * The stop flag JShell's local execution checks from Java 20 on. There, {@code Thread.stop} no longer works,
 * so JShell weaves a call of {@link #stopCheck()} into every method and loop of a snippet's classes, and
 * expects this class in the package of the snippets. JShell defines it in its own {@code invoke}, which the
 * kernel replaces; the kernel's jar provides it instead, and the kernel raises the flag to stop a cell. On
 * Java 17 nothing calls it.
 */
public final class $Cancel$ {

    /** Raised to stop every snippet thread at its next check; lowered when a cell starts. */
    public static volatile boolean allStop;

    private $Cancel$() {
    }

    /** Woven into snippet code: ends the thread when a stop was asked for. */
    @SuppressWarnings({"deprecation", "removal"}) // ThreadDeath is what JShell's stop protocol throws
    public static void stopCheck() {
        if (allStop) {
            throw new ThreadDeath();
        }
    }
}
