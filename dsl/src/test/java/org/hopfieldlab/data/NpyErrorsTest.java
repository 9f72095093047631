package org.hopfieldlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Bad files and bad requests give messages that name the file and the problem. */
class NpyErrorsTest {

    @TempDir
    Path dir;

    private static String message(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("weights.npy");
        assertMentions(message(() -> Npy.read(missing)), "no such file", "weights.npy");
        assertMentions(message(() -> Npz.read(dir.resolve("all.npz"))), "no such file", "all.npz");
        assertMentions(message(() -> Npy.read(dir)), "is a folder");
        assertMentions(message(() -> Npy.write(dir.resolve("results").resolve("w.npy"), new double[1])),
                "cannot write", "w.npy", "results does not exist");
        assertMentions(message(() -> Npz.write(dir, java.util.Map.of())), "is a folder");
    }

    @Test
    void wrongMagicIsReported() throws IOException {
        Path text = dir.resolve("notes.npy");
        Files.writeString(text, "a,b,c\n1,2,3\n");
        assertMentions(message(() -> Npy.read(text)), "notes.npy", "not a .npy file", "magic");
        assertMentions(message(() -> Npz.read(text)), "notes.npy", "not a readable zip archive");
    }

    @Test
    void truncatedDataSaysHowManyBytesWereExpectedAndFound() throws IOException {
        Path full = dir.resolve("full.npy");
        Npy.write(full, new double[3][4]);
        byte[] bytes = Files.readAllBytes(full);
        assertEquals(128 + 96, bytes.length);
        Path cut = dir.resolve("cut.npy");
        Files.write(cut, Arrays.copyOf(bytes, 128 + 40));
        assertMentions(message(() -> Npy.read(cut)), "cut.npy", "truncated", "expected 96 data bytes",
                "(3, 4)", "found 40");
        Files.write(cut, Arrays.copyOf(bytes, 50));
        assertMentions(message(() -> Npy.read(cut)), "cut.npy", "truncated", "header");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 8);
        Files.write(cut, longer);
        assertMentions(message(() -> Npy.read(cut)), "cut.npy", "8 unexpected bytes");
    }

    @Test
    void unsupportedDtypesWrittenByNumpyAreNamed() {
        PythonNumpy.run(String.join("\n",
                "import sys, os, numpy as np",
                "np.save(os.path.join(sys.argv[1], 'complex.npy'), np.array([1+2j]))",
                "np.save(os.path.join(sys.argv[1], 'text.npy'), np.array(['abc']))",
                "np.save(os.path.join(sys.argv[1], 'record.npy'), np.zeros(2, dtype=[('x', '<f8'), ('y', '<i4')]))",
                "np.save(os.path.join(sys.argv[1], 'half.npy'), np.zeros(2, dtype=np.float16))"), dir);
        assertMentions(message(() -> Npy.read(dir.resolve("complex.npy"))), "complex.npy", "unsupported dtype '<c16'",
                "float64");
        assertMentions(message(() -> Npy.read(dir.resolve("text.npy"))), "text.npy", "unsupported dtype '<U3'");
        assertMentions(message(() -> Npy.read(dir.resolve("record.npy"))), "record.npy", "structured");
        assertMentions(message(() -> Npy.read(dir.resolve("half.npy"))), "half.npy", "unsupported dtype '<f2'");
    }

    @Test
    void npzProblemsNameTheArchiveAndTheEntry() throws IOException {
        Path archive = dir.resolve("mixed.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        assertMentions(message(() -> Npz.read(archive)), "mixed.npz", "'readme.txt' is not a .npy array");

        Path damaged = dir.resolve("damaged.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(damaged))) {
            zip.putNextEntry(new ZipEntry("w.npy"));
            zip.write("not numpy".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        assertMentions(message(() -> Npz.read(damaged)), "damaged.npz/w.npy", "not a .npy file");

        Path good = dir.resolve("good.npz");
        Npz.write(good, java.util.Map.of("w", NpyArray.of(new double[100])));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.npz");
        try (OutputStream out = Files.newOutputStream(truncated)) {
            out.write(bytes, 0, bytes.length / 2);
        }
        assertMentions(message(() -> Npz.read(truncated)), "truncated.npz", "not a readable zip archive");
    }

    @Test
    void conversionsThatWouldLoseInformationAreRefusedWithTheWayOut() {
        NpyArray doubles = NpyArray.of(new double[][] {{1.5, 2}, {3, 4}});
        assertMentions(message(doubles::toFloatMatrix), "float64", "would round", "toDoubleMatrix");
        assertMentions(message(doubles::toIntArray), "float64", "integer", "toDoubleArray");
        NpyArray vector = NpyArray.of(new int[] {1, 2, 3});
        assertMentions(message(vector::toDoubleMatrix), "(3,)", "needs a 2-D array");
        NpyArray big = NpyArray.of(new long[] {1L << 40});
        assertMentions(message(big::toIntArray), "1099511627776", "does not fit", "toLongArray");
        assertEquals(1L << 40, big.toLongArray()[0]);
    }

    @Test
    void raggedOrNullInputIsRejectedWhereItEnters() {
        assertMentions(message(() -> NpyArray.of(new double[][] {{1, 2}, {3}})), "row 1 has 1 values, row 0 has 2");
        assertMentions(message(() -> NpyArray.of(new int[][] {{1}, null})), "row 1 is null");
        assertMentions(message(() -> Npy.write(dir.resolve("x.npy"), (double[]) null)), "values must not be null");
        assertMentions(message(() -> Npz.write(dir.resolve("x.npz"), java.util.Map.of("", NpyArray.of(new int[1])))),
                "non-empty name");
    }

    @Test
    void javaArraysSurviveARoundTripThroughAFile() {
        double[][] doubles = {{1.5, -0.0}, {Double.NaN, 1e-300}};
        Path path = dir.resolve("d.npy");
        Npy.write(path, doubles);
        double[][] back = Npy.read(path).toDoubleMatrix();
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(Double.doubleToRawLongBits(doubles[r][c]), Double.doubleToRawLongBits(back[r][c]));
            }
        }
        float[][] floats = {{1.25f, 2}, {3, -4}};
        Npy.write(path, floats);
        assertTrue(Arrays.deepEquals(floats, Npy.read(path).toFloatMatrix()));
        int[][] ints = {{1, -2, 3}};
        Npy.write(path, ints);
        assertTrue(Arrays.deepEquals(ints, Npy.read(path).toIntMatrix()));
        Npy.write(path, new float[] {0.5f});
        assertEquals(0.5f, Npy.read(path).toFloatArray()[0]);
        assertEquals("NpyArray int32 (1, 3) from a Java int[][]", NpyArray.of(ints).toString());
    }
}
