package org.hopfieldlab.kernel;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        if (args.length != 1) {
            System.err.println("usage: java --add-modules jdk.incubator.vector -jar hopfieldlab-kernel.jar CONNECTION_FILE");
            System.exit(2);
        }
        // basekernel logs every message through java.util.logging; keep the notebook's stderr for the user
        Logger.getLogger("").setLevel(Level.OFF);
        PrintStream kernelLog = System.err;
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        ExitGuard guard = ExitGuard.install();
        if (guard == null) {
            kernelLog.println("hopfield kernel: this JDK cannot intercept System.exit; a cell calling it ends the kernel");
        }
        JShellSession session = new JShellSession(kernelClassPath());
        CellEvaluator evaluator = new CellEvaluator(session, MavenResolver.defaultCacheRoot(), Path.of("").toAbsolutePath());
        HopfieldKernel kernel = new HopfieldKernel(evaluator);
        SecureConnection connection = new SecureConnection(properties, kernelLog);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        evaluator.close();
        if (guard != null) {
            guard.allowExit();
        }
        System.exit(0);
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
