package org.hopfieldlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** IDX files written by an independent Python writer (struct + numpy big-endian), plain and gzip'ed. */
class IdxTest {

    @TempDir
    Path dir;

    /** Writes one IDX file per type, plain and .gz, and prints name;shape;values (floats via repr). */
    private static final String WRITE_IDX = String.join("\n",
            "import sys, os, gzip, struct, numpy as np",
            "rng = np.random.default_rng(9)",
            "arrays = {",
            "  'ubyte': (0x08, rng.integers(0, 256, size=(3, 4, 5)).astype('>u1')),",
            "  'sbyte': (0x09, np.array([-128, 0, 127], dtype='>i1')),",
            "  'short': (0x0B, np.array([[-32768, 1], [32767, -2]], dtype='>i2')),",
            "  'int': (0x0C, np.array([-2**31, 2**31 - 1, 12345], dtype='>i4')),",
            "  'float': (0x0D, rng.standard_normal((2, 3)).astype('>f4')),",
            "  'double': (0x0E, rng.standard_normal((4, 2)).astype('>f8')),",
            "}",
            "for name, (code, a) in arrays.items():",
            "    data = struct.pack('>BBBB', 0, 0, code, a.ndim) + struct.pack('>%dI' % a.ndim, *a.shape) + a.tobytes()",
            "    open(os.path.join(sys.argv[1], name + '.idx'), 'wb').write(data)",
            "    with gzip.open(os.path.join(sys.argv[1], name + '.idx.gz'), 'wb') as f:",
            "        f.write(data)",
            "    values = ' '.join(repr(float(v)) for v in a.ravel().tolist())",
            "    print('%s;%s;%s' % (name, ','.join(map(str, a.shape)), values))");

    @Test
    void readsEveryIdxTypePlainAndGzippedExactly() {
        Map<String, String[]> expected = new LinkedHashMap<>();
        for (String line : PythonNumpy.run(WRITE_IDX, dir).strip().split("\n")) {
            String[] fields = line.split(";");
            expected.put(fields[0], fields);
        }
        assertEquals(6, expected.size());
        for (String[] fields : expected.values()) {
            int[] shape = Arrays.stream(fields[1].split(",")).mapToInt(Integer::parseInt).toArray();
            double[] values = Arrays.stream(fields[2].split(" ")).mapToDouble(Double::parseDouble).toArray();
            for (String suffix : new String[] {".idx", ".idx.gz"}) {
                IdxArray array = Idx.read(dir.resolve(fields[0] + suffix));
                assertArrayEquals(shape, array.shape(), fields[0] + suffix);
                assertArrayEquals(values, array.toDoubleArray(), 0.0, fields[0] + suffix);
                assertEquals(values.length, array.size());
            }
        }
        IdxArray pixels = Idx.read(dir.resolve("ubyte.idx.gz"));
        assertEquals(IdxArray.Type.UNSIGNED_BYTE, pixels.type());
        double[][] matrix = pixels.toMatrix();
        assertEquals(3, matrix.length);
        assertEquals(20, matrix[0].length);
        assertArrayEquals(Arrays.copyOfRange(pixels.toDoubleArray(), 20, 40), matrix[1], 0.0);
        byte[] raw = pixels.toByteArray();
        int[] ints = pixels.toIntArray();
        for (int i = 0; i < raw.length; i++) {
            assertEquals(ints[i], raw[i] & 0xFF);
        }
        assertEquals(-128, Idx.read(dir.resolve("sbyte.idx")).toIntArray()[0]);
    }

    private static String message(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    /** A valid 2 x 3 unsigned-byte IDX file, written by hand from the format description. */
    private static byte[] smallIdx() {
        return new byte[] {0, 0, 0x08, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6};
    }

    @Test
    void aHandWrittenFileReadsAsDescribed() throws IOException {
        Path path = dir.resolve("small.idx");
        Files.write(path, smallIdx());
        IdxArray array = Idx.read(path);
        assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}}, array.toMatrix());
        assertTrue(array.toString().startsWith("IdxArray UNSIGNED_BYTE (2, 3) from "), array.toString());
    }

    @Test
    void badFilesNameTheFileAndTheProblem() throws IOException {
        Path path = dir.resolve("digits.idx");
        assertMentions(message(() -> Idx.read(path)), "no such file", "digits.idx");

        Files.writeString(path, "P5 28 28 255\n");
        assertMentions(message(() -> Idx.read(path)), "digits.idx", "wrong magic number 50 35 20 32");

        byte[] unknownType = smallIdx();
        unknownType[2] = 0x0A;
        Files.write(path, unknownType);
        assertMentions(message(() -> Idx.read(path)), "digits.idx", "unknown IDX type code 0x0A");

        Files.write(path, Arrays.copyOf(smallIdx(), 14));
        assertMentions(message(() -> Idx.read(path)), "digits.idx", "truncated, expected 6 data bytes", "found 2");

        Files.write(path, Arrays.copyOf(smallIdx(), 9));
        assertMentions(message(() -> Idx.read(path)), "digits.idx", "truncated", "header needs 12 bytes");

        Files.write(path, Arrays.copyOf(smallIdx(), 20));
        assertMentions(message(() -> Idx.read(path)), "digits.idx", "2 unexpected bytes after the data");
    }

    @Test
    void aTruncatedGzipFileIsReportedAsTruncated() throws IOException {
        PythonNumpy.run(WRITE_IDX, dir);
        byte[] gz = Files.readAllBytes(dir.resolve("double.idx.gz"));
        Path cut = dir.resolve("double-cut.idx.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length - 20));
        assertMentions(message(() -> Idx.read(cut)), "double-cut.idx.gz", "truncated");
    }

    @Test
    void conversionsThatDoNotFitAreRefused() throws IOException {
        PythonNumpy.run(WRITE_IDX, dir);
        IdxArray floats = Idx.read(dir.resolve("float.idx"));
        assertMentions(message(floats::toIntArray), "FLOAT", "toDoubleArray");
        assertMentions(message(floats::toByteArray), "not bytes");
        IdxArray vector = Idx.read(dir.resolve("int.idx"));
        assertMentions(message(vector::toMatrix), "1 dimension", "(3,)", "toDoubleArray");
    }
}
