package org.hopfieldlab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code notebooks/*.ipynb} executed with the HopfieldLab kernel through {@code jupyter nbconvert},
 * exported to HTML under {@code notebooks/target/notebooks/}, and opened in headless Chromium.
 *
 * <p>The kernel is installed into a temporary Jupyter path, never the user's. A failure names the
 * notebook and the failing cell.
 */
class NotebooksTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path PROJECT = MODULE.getParent();
    private static final Path OUTPUT = MODULE.resolve("target/notebooks");
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path jupyterHome;

    private static Map<String, String> jupyterEnvironment;

    record Run(int exitCode, String output) {
    }

    private static Run run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("hopfield-notebooks-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static Stream<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(PROJECT.resolve("notebooks"))) {
            return files.filter(f -> f.toString().endsWith(".ipynb")).sorted().collect(Collectors.toList()).stream();
        }
    }

    @BeforeAll
    static void installKernel() throws Exception {
        jupyterEnvironment = Map.of(
                "JUPYTER_PATH", jupyterHome.resolve("share/jupyter").toString(),
                "JUPYTER_RUNTIME_DIR", jupyterHome.resolve("runtime").toString(),
                "JUPYTER_CONFIG_DIR", jupyterHome.resolve("config").toString());
        Run install = run(Map.of(), "bash", "tools/install.sh", "--no-build", "--prefix", jupyterHome.toString());
        assertEquals(0, install.exitCode(), install.output());
        Files.createDirectories(OUTPUT);
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("notebooks")
    void runsAndRenders(Path notebook) throws Exception {
        Run executed = run(jupyterEnvironment, PYTHON, "tools/notebook_runner.py", "--output-dir", OUTPUT.toString(),
                notebook.toString());
        assertEquals(0, executed.exitCode(), executed.output());
        String name = notebook.getFileName().toString().replaceFirst("\\.ipynb$", ".html");
        Run page = run(Map.of(), PYTHON, "tools/check_html.py", OUTPUT.resolve(name).toString());
        assertEquals(0, page.exitCode(), page.output());
    }

    /** The harness itself: a failing cell makes the run fail, naming the notebook and the cell. */
    @Test
    void aFailingCellIsNamed() throws Exception {
        Path failing = MODULE.resolve("src/test/resources/failing-on-purpose.ipynb");
        Path output = MODULE.resolve("target/harness-check");
        Run executed = run(jupyterEnvironment, PYTHON, "tools/notebook_runner.py", "--output-dir", output.toString(),
                failing.toString());
        assertEquals(1, executed.exitCode(), executed.output());
        List<String> lines = executed.output().lines().collect(Collectors.toList());
        assertTrue(lines.contains(failing + ": cell 2 failed: NumberFormatException: For input string: \"not a number\""),
                executed.output());
        assertTrue(executed.output().contains("(the cell starts with: // this cell fails on purpose)"), executed.output());
    }
}
