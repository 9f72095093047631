package org.hopfieldlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java examples run as written in a session with the kernel's imports, and the results
 * they show in comments ({@code // name ==> value}) are what the code prints.
 */
class ReadmeExamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern SHOWN = Pattern.compile("^// (\\w+) ==> (.*)$");

    @Test
    void everyJavaBlockRunsAndShowsWhatItSays(@TempDir Path workDir) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(readme);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertFalse(blocks.isEmpty(), "the README has no ```java examples");
        int checked = 0;
        try (CellEvaluator cells = new CellEvaluator(new JShellSession(KernelMain.kernelClassPath()),
                workDir.resolve("maven-cache"), workDir)) {
            for (String block : blocks) {
                for (String line : block.split("\n")) {
                    String code = line.strip();
                    Matcher shown = SHOWN.matcher(code);
                    if (shown.matches()) {
                        Object value = cells.evaluate(shown.group(1)).value();
                        assertEquals(shown.group(2), String.valueOf(value), "README shows a different " + shown.group(1));
                        checked++;
                    } else if (!code.isEmpty() && !code.startsWith("//")) {
                        cells.evaluate(code);
                    }
                }
            }
        }
        assertTrue(checked >= 1, "expected at least one '// name ==> value' line to check");
    }
}
