package org.hopfieldlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged kernel through real Jupyter: installed with {@code tools/install.sh} into a temporary
 * prefix, a notebook executed by nbconvert, its HTML opened in headless Chromium, and a
 * jupyter_client driver for what a notebook cannot show (interrupt, out of memory, forged messages).
 */
class KernelEndToEndIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path PROJECT = MODULE.getParent();
    private static final Path OUTPUT = MODULE.resolve("target/end-to-end");
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path jupyterHome;

    private static Map<String, String> jupyterEnvironment;
    private static JsonArray cells;

    record Run(int exitCode, String output) {
    }

    static Run run(Map<String, String> environment, Path workingDirectory, String... command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("hopfield-it-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @BeforeAll
    static void installKernelAndRunTheNotebook() throws Exception {
        jupyterEnvironment = Map.of(
                "JUPYTER_PATH", jupyterHome.resolve("share/jupyter").toString(),
                "JUPYTER_RUNTIME_DIR", jupyterHome.resolve("runtime").toString(),
                "JUPYTER_CONFIG_DIR", jupyterHome.resolve("config").toString());
        Run install = run(Map.of(), PROJECT, "bash", "tools/install.sh", "--no-build",
                "--prefix", jupyterHome.toString(), "--max-heap", "512m");
        assertEquals(0, install.exitCode(), install.output());
        Path kernelJson = jupyterHome.resolve("share/jupyter/kernels/hopfield/kernel.json");
        JsonObject spec = new JsonParser().parse(Files.readString(kernelJson)).getAsJsonObject();
        assertEquals("Java (HopfieldLab)", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());

        Files.createDirectories(OUTPUT);
        Path notebook = MODULE.resolve("src/test/resources/end-to-end.ipynb");
        Run executed = run(jupyterEnvironment, PROJECT, PYTHON, "tools/notebook_runner.py",
                "--output-dir", OUTPUT.toString(), "--timeout", "300", notebook.toString());
        assertEquals(0, executed.exitCode(), executed.output());
        JsonObject result = new JsonParser().parse(Files.readString(OUTPUT.resolve("end-to-end.executed.ipynb")))
                .getAsJsonObject();
        cells = result.getAsJsonArray("cells");
    }

    private static List<JsonObject> outputsOf(int cell) {
        List<JsonObject> outputs = new ArrayList<>();
        for (JsonElement output : cells.get(cell).getAsJsonObject().getAsJsonArray("outputs")) {
            outputs.add(output.getAsJsonObject());
        }
        return outputs;
    }

    private static String text(JsonElement multiline) {
        if (multiline.isJsonArray()) {
            StringBuilder joined = new StringBuilder();
            multiline.getAsJsonArray().forEach(part -> joined.append(part.getAsString()));
            return joined.toString();
        }
        return multiline.getAsString();
    }

    @Test
    void streamsResultsAndDisplayDataArriveInTheNotebook() {
        JsonObject printed = outputsOf(1).get(0);
        assertEquals("stream", printed.get("output_type").getAsString());
        assertEquals("stdout", printed.get("name").getAsString());
        assertEquals("hello from java\n", text(printed.get("text")));

        JsonObject answer = outputsOf(2).get(0);
        assertEquals("execute_result", answer.get("output_type").getAsString());
        assertEquals(String.valueOf(6 * 7), text(answer.getAsJsonObject("data").get("text/plain")));

        JsonObject table = outputsOf(3).get(0);
        assertEquals("display_data", table.get("output_type").getAsString());
        String html = text(table.getAsJsonObject("data").get("text/html"));
        assertTrue(html.contains("<th>square</th>") && html.contains("<td>9</td>"), html);
        assertTrue(table.getAsJsonObject("data").has("text/plain"));
    }

    @Test
    void figuresArePlotlyWithPlotlyInlinedOnce() {
        String first = text(outputsOf(4).get(0).getAsJsonObject("data").get("text/html"));
        String second = text(outputsOf(7).get(0).getAsJsonObject("data").get("text/html"));
        assertTrue(first.contains("Plotly.newPlot") && first.contains("window.define = undefined"));
        assertTrue(second.contains("Plotly.newPlot"));
        assertFalse(second.contains("window.define = undefined"), "plotly is inlined once per session");
    }

    @Test
    void anErrorNamesTheUsersExceptionAndTheKernelRecovers() {
        JsonObject error = outputsOf(5).get(0);
        assertEquals("error", error.get("output_type").getAsString());
        assertEquals("NotAPattern", error.get("ename").getAsString());
        assertEquals("pattern 3 has 5 values, expected 4", error.get("evalue").getAsString());
        JsonObject recovered = outputsOf(6).get(0);
        assertEquals(String.valueOf(6 * 7 + 1), text(recovered.getAsJsonObject("data").get("text/plain")));
    }

    @Test
    void theExportedHtmlDrawsItsPlotsInHeadlessChromium() throws Exception {
        Run check = run(Map.of(), PROJECT, PYTHON, "tools/check_html.py", OUTPUT.resolve("end-to-end.html").toString());
        assertEquals(0, check.exitCode(), check.output());
        assertTrue(check.output().contains("rendered, 2 plot(s) drawn"), check.output());
    }

    @Test
    void interruptMemoryExitSignaturesAndBindingThroughJupyterClient() throws Exception {
        Path flags = Files.createDirectories(jupyterHome.resolve("flags"));
        Run driver = run(jupyterEnvironment, PROJECT, PYTHON, MODULE.resolve("src/test/resources/drive_kernel.py").toString(),
                flags.toString());
        assertEquals(0, driver.exitCode(), driver.output());
        List<String> passed = driver.output().lines().filter(l -> l.startsWith("ok: ")).collect(Collectors.toList());
        for (String check : List.of("binds only to the connection file's address", "first result",
                "System.in reads from the notebook", "stdout streams before the cell ends", "interrupt stops a busy loop", "out of memory is contained",
                "an impossible array is contained", "stack overflow is contained", "System.exit is contained",
                "complete, inspect, is_complete", "a forged message is rejected")) {
            assertTrue(passed.contains("ok: " + check), "missing check '" + check + "' in:\n" + driver.output());
        }
    }
}
