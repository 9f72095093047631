package org.hopfieldlab.kernel;

import java.security.Permission;

/**
 * Keeps {@code System.exit} in a cell from ending the kernel: the call throws a
 * {@link SecurityException} the cell reports like any other error. Everything else is allowed.
 *
 * <p>A security manager is the only hook the JDK offers for this on Java 17 (deprecated for removal,
 * still working, and enabled with {@code -Djava.security.manager=allow} from Java 18 on).
 */
final class ExitGuard extends SecurityManager {

    private volatile boolean kernelIsExiting;

    /** Installs the guard; returns {@code null} when this JDK no longer supports it. */
    @SuppressWarnings("removal")
    static ExitGuard install() {
        ExitGuard guard = new ExitGuard();
        try {
            System.setSecurityManager(guard);
            return guard;
        } catch (UnsupportedOperationException | SecurityException unsupported) {
            return null;
        }
    }

    /** The kernel itself is shutting down: let its own exit through. */
    void allowExit() {
        kernelIsExiting = true;
    }

    @Override
    public void checkExit(int status) {
        if (!kernelIsExiting) {
            throw new SecurityException("System.exit(" + status + ") would stop the kernel, so a notebook ignores it; "
                    + "end the cell with return or throw an exception instead");
        }
    }

    @Override
    public void checkPermission(Permission permission) {
        // everything else is allowed: the guard is about exit only
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        // everything else is allowed: the guard is about exit only
    }
}
