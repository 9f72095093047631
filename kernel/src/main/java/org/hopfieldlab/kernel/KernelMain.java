package org.hopfieldlab.kernel;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the kernel: {@code java --add-modules jdk.incubator.vector -jar hopfieldlab-kernel.jar CONNECTION_FILE},
 * as the kernelspec's {@code kernel.json} says.
 */
public final class KernelMain {

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--warm-up")) {
            warmUp();
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: java --add-modules jdk.incubator.vector -jar hopfieldlab-kernel.jar CONNECTION_FILE");
            System.exit(2);
        }
        // JShell (the slow part of starting: its first compilation alone takes ~300 ms) starts first of all and
        // gets ready while the kernel binds its sockets and Jupyter connects and asks for kernel_info
        List<Path> classPath = kernelClassPath();
        CompletableFuture<CellEvaluator> evaluator = CompletableFuture.supplyAsync(() -> new CellEvaluator(
                new JShellSession(classPath), MavenResolver.defaultCacheRoot(), Path.of("").toAbsolutePath()));
        // basekernel logs every message through java.util.logging; keep the notebook's stderr for the user
        Logger.getLogger("").setLevel(Level.OFF);
        PrintStream kernelLog = System.err;
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (isKernelThread(thread) && failure instanceof Error) {
                // the kernel's own machinery is broken (a heap so full that its threads die): end the process,
                // so that Jupyter restarts the kernel ("kernel died, restarting"), and leave the reason in its log
                kernelLog.println("hopfield kernel: thread " + thread.getName() + " died of " + failure
                        + "; exiting so that Jupyter restarts a clean kernel");
                Runtime.getRuntime().halt(3);
            }
            kernelLog.println("hopfield kernel: uncaught in thread " + thread.getName() + ": " + failure);
        });
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        ExitGuard guard = ExitGuard.install();
        HopfieldKernel kernel = new HopfieldKernel(evaluator);
        java.util.concurrent.atomic.AtomicBoolean kernelIsExiting = new java.util.concurrent.atomic.AtomicBoolean();
        if (guard == null) {
            // Java 24 and later cannot refuse System.exit: the kernel ends, Jupyter restarts it, the notebook says why
            kernelLog.println("hopfield kernel: this JDK cannot intercept System.exit; a cell calling it restarts the kernel");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (!kernelIsExiting.get()) {
                    kernel.announceExit("System.exit was called, and Java " + Runtime.version().feature()
                            + " cannot refuse it: the kernel ends here and Jupyter restarts it (variables are lost). "
                            + "On Java 17 to 23 the kernel refuses System.exit and keeps running.");
                }
            }, "hopfield-exit-notice"));
        }
        SecureConnection connection = new SecureConnection(properties, kernelLog);
        kernel.becomeHandlerForConnection(connection);
        // after the first cell's reply, and only while the kernel is quiet, the JIT gets the hot code compiled
        BackgroundWarmUp backgroundWarmUp = BackgroundWarmUp.forKernel(classPath, kernelLog, properties.getIp());
        connection.listen(backgroundWarmUp);
        connection.connect();
        connection.waitUntilClose();
        backgroundWarmUp.stop();
        evaluator.join().close();
        kernelIsExiting.set(true);
        if (guard != null) {
            guard.allowExit();
        }
        System.exit(0);
    }

    /** Threads of the kernel itself (protocol loops, heartbeat, output flusher), not of user code. */
    static boolean isKernelThread(Thread thread) {
        String name = thread.getName();
        return name.startsWith("hopfield-shell") || name.startsWith("hopfield-control")
                || name.startsWith("hopfield-stream") || name.startsWith("Heartbeat") || name.startsWith("Shell-")
                || name.startsWith("reaper") || name.startsWith("iothread");
    }

    /**
     * Runs the kind of cells a notebook runs, then exits: {@code tools/install.sh} runs this once with
     * {@code -XX:ArchiveClassesAtExit} to write a class-data archive that makes later kernel starts faster.
     */
    static void warmUp() throws Exception {
        List<Path> classPath = kernelClassPath();
        try (CellEvaluator cells = new CellEvaluator(new JShellSession(classPath), MavenResolver.defaultCacheRoot(),
                Path.of("").toAbsolutePath())) {
            MimeRenderer renderer = new MimeRenderer();
            renderer.render(cells.evaluate("int n = 3;\nn * n").value());
            renderer.render(cells.evaluate("Table.create(\"t\", DoubleColumn.create(\"x\", new double[] {1, 2}))").value());
            renderer.render(cells.evaluate("ScatterPlot.create(\"p\", Table.create(\"t\", DoubleColumn.create(\"x\", new double[] {1, 2}),"
                    + " DoubleColumn.create(\"y\", new double[] {1, 4})), \"x\", \"y\")").value());
            try {
                cells.evaluate("Integer.parseInt(\"warm\")");
            } catch (CellFailure expected) {
                // the error path is part of what gets archived
            }
            cells.session().complete("Math.ma", 7);
        }
        // the messaging classes too (ZeroMQ, Gson, basekernel's messages, HMAC signing), through a private kernel
        // on 127.0.0.1: without them in the archive about 700 classes were read from their jars at every start
        // (kernel_info answered ~180 ms later). Optional: the archive of the cells above is worth keeping alone.
        WarmUpCell cell = WarmUpCell.create(classPath);
        if (cell != null) {
            try (LoopbackKernel loopback = LoopbackKernel.open(cell)) {
                for (int i = 0; i < 20; i++) {
                    loopback.execute("1 + " + i);
                }
            } catch (Exception e) {
                System.err.println("hopfield kernel warm-up: the messaging classes are not archived: " + e);
            }
        }
    }

    /**
     * What cells compile against: this jar and the jars its manifest names (lib/), or, when the kernel
     * runs from class folders (tests, IDE), the JVM's class path.
     */
    static List<Path> kernelClassPath() throws IOException, URISyntaxException {
        Path location = Path.of(KernelMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> classPath = new ArrayList<>();
        if (Files.isRegularFile(location)) {
            classPath.add(location);
            try (JarFile jar = new JarFile(location.toFile())) {
                String listed = jar.getManifest().getMainAttributes().getValue("Class-Path");
                if (listed != null) {
                    for (String entry : listed.trim().split("\\s+")) {
                        classPath.add(location.getParent().resolve(entry));
                    }
                }
            }
        } else {
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                classPath.add(Path.of(entry));
            }
        }
        return classPath;
    }
}
