package org.hopfieldlab.internal;

/**
 * Whether the Vector API path can be used. The incubator module is optional: without
 * {@code --add-modules jdk.incubator.vector} every kernel runs its scalar twin.
 */
public final class VectorSupport {

    /** System property that forces the scalar kernels when set to {@code false}. */
    public static final String PROPERTY = "hopfieldlab.vector";

    private static final boolean MODULE_USABLE = probe();

    private VectorSupport() {
    }

    /** True when {@code jdk.incubator.vector} is loaded and its types link. */
    public static boolean available() {
        return MODULE_USABLE;
    }

    /**
     * True when kernels should take the vector path: the module is usable and
     * {@code -Dhopfieldlab.vector=false} is not set. Read on every call so tests can compare both
     * paths in one JVM.
     */
    public static boolean enabled() {
        return MODULE_USABLE && !"false".equalsIgnoreCase(System.getProperty(PROPERTY));
    }

    private static boolean probe() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            // Touching a species links the module's classes; a broken or stripped runtime fails here, not mid-kernel.
            return VectorProbe.lanes() >= 2;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }
}
