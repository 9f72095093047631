package org.hopfieldlab.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python script with real numpy as a subprocess: the independent reference for the file formats.
 * Debian's /usr/bin/python3 with python3-numpy (tools/test.sh installs it); HOPFIELD_PYTHON overrides.
 */
final class PythonNumpy {

    private PythonNumpy() {}

    static String python() {
        String configured = System.getenv("HOPFIELD_PYTHON");
        return configured != null && !configured.isBlank() ? configured : "/usr/bin/python3";
    }

    /** Runs {@code script} with {@code args} as sys.argv[1:], returns its standard output; fails the test otherwise. */
    static String run(String script, Object... args) {
        List<String> command = new ArrayList<>(List.of(python(), "-c", script));
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        try {
            Path errors = Files.createTempFile("python-stderr", ".txt");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("python did not finish within 120 s");
            }
            String stderr = Files.readString(errors);
            Files.deleteIfExists(errors);
            if (process.exitValue() != 0) {
                fail("python exited with " + process.exitValue() + " (needs numpy: apt-get install python3-numpy):\n"
                        + stderr);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot start " + python() + " (install python3-numpy: apt-get install "
                    + "python3-numpy)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for python", e);
        }
    }
}
