package org.hopfieldlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy and .npz against real numpy, both directions, compared bit for bit. */
class NpyNumpyInteropTest {

    @TempDir
    Path dir;

    /** Doubles that break careless code: signed zero, infinities, NaN with a payload, subnormals, extremes. */
    private static final double[] AWKWARD = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NaN, Double.longBitsToDouble(0x7ff0000000000001L), Double.MIN_VALUE, -Double.MAX_VALUE,
        1.0 / 3.0, Math.PI, 1e-310, -1.5};

    /** What Java wrote and the bit patterns numpy must see (floats as raw bits, integers as values). */
    private record Case(NpyArray array, int[] shape, long[] bits) {}

    private static Map<String, Case> javaCases() {
        SplittableRandom random = new SplittableRandom(42);
        double[][] doubles = new double[7][5];
        float[][] floats = new float[3][6];
        int[][] ints = new int[4][3];
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 5; c++) {
                doubles[r][c] = r * 5 + c < AWKWARD.length ? AWKWARD[r * 5 + c] : random.nextGaussian() * 1e3;
            }
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 6; c++) {
                floats[r][c] = r == 0 && c == 0 ? Float.NaN : r == 0 && c == 1 ? -0.0f : (float) random.nextGaussian();
            }
        }
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 3; c++) {
                ints[r][c] = r == 0 ? new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -1}[c] : random.nextInt();
            }
        }
        double[] vector = AWKWARD.clone();
        float[] floatVector = {1.5f, Float.MIN_VALUE, Float.NEGATIVE_INFINITY};
        int[] intVector = {7, -8, 0, 123456789};
        long[] longVector = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -42};

        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("double_matrix", new Case(NpyArray.of(doubles), new int[] {7, 5}, bitsOf(doubles)));
        cases.put("double_vector", new Case(NpyArray.of(vector), new int[] {vector.length}, bitsOf(new double[][] {vector})));
        cases.put("float_matrix", new Case(NpyArray.of(floats), new int[] {3, 6}, bitsOf(floats)));
        cases.put("float_vector", new Case(NpyArray.of(floatVector), new int[] {3}, bitsOf(new float[][] {floatVector})));
        cases.put("int_matrix", new Case(NpyArray.of(ints), new int[] {4, 3}, valuesOf(ints)));
        cases.put("int_vector", new Case(NpyArray.of(intVector), new int[] {4}, valuesOf(new int[][] {intVector})));
        cases.put("long_vector", new Case(NpyArray.of(longVector), new int[] {4}, longVector.clone()));
        cases.put("empty_matrix", new Case(NpyArray.of(new double[0][]), new int[] {0, 0}, new long[0]));
        return cases;
    }

    private static final String PRINT_BITS = String.join("\n",
            "import sys, numpy as np",
            "def bits(a):",
            "    flat = np.ascontiguousarray(a).ravel()",
            "    flat = flat.astype(flat.dtype.newbyteorder('='))  # values, not stored bytes",
            "    if a.dtype.kind == 'f':",
            "        flat = flat.view('u%d' % a.dtype.itemsize)",
            "    return ' '.join(str(int(x)) for x in flat.tolist())",
            "def line(name, a):",
            "    return '%s;%s;%s;%s' % (name, a.dtype.str, ','.join(str(s) for s in a.shape), bits(a))",
            "");

    @Test
    void javaWrittenFilesLoadInNumpyBitExactAndNumpySavesTheSameBytes() throws IOException {
        Map<String, Case> cases = javaCases();
        for (var entry : cases.entrySet()) {
            Npy.write(dir.resolve(entry.getKey() + ".npy"), entry.getValue().array());
        }
        List<Object> args = new ArrayList<>(List.of(dir));
        args.addAll(cases.keySet());
        String out = PythonNumpy.run(PRINT_BITS + String.join("\n",
                "import os",
                "for name in sys.argv[2:]:",
                "    a = np.load(os.path.join(sys.argv[1], name + '.npy'))",
                "    np.save(os.path.join(sys.argv[1], name + '.numpy.npy'), a)",
                "    print(line(name, a))"), args.toArray());

        Map<String, String[]> seen = parse(out);
        assertEquals(cases.keySet(), seen.keySet());
        for (var entry : cases.entrySet()) {
            String name = entry.getKey();
            Case expected = entry.getValue();
            String[] fields = seen.get(name);
            assertEquals(expected.array().descr(), fields[1], name + " dtype");
            assertArrayEquals(expected.shape(), shape(fields[2]), name + " shape");
            assertArrayEquals(expected.bits(), bits(fields[3], fields[1]), name + " values");
            assertArrayEquals(Files.readAllBytes(dir.resolve(name + ".numpy.npy")),
                    Files.readAllBytes(dir.resolve(name + ".npy")), name + ": np.save wrote other bytes");
        }
    }

    private static final String NUMPY_MAKES = PRINT_BITS + String.join("\n",
            "import os",
            "rng = np.random.default_rng(2024)",
            "arrays = {",
            "  'f8': rng.standard_normal((3, 4)),",
            "  'f4': rng.standard_normal(5).astype(np.float32),",
            "  'f8_big_endian': rng.standard_normal((2, 3)).astype('>f8'),",
            "  'f8_fortran': np.asfortranarray(rng.standard_normal((3, 4))),",
            "  'i4_fortran_3d': np.asfortranarray(np.arange(24, dtype=np.int32).reshape(2, 3, 4) - 7),",
            "  'i8': np.array([-2**62, 3, -1, 2**40], dtype=np.int64),",
            "  'i4': rng.integers(-1000, 1000, size=(2, 3), dtype=np.int32),",
            "  'i2': np.array([-32768, 32767, 5], dtype=np.int16),",
            "  'u2': np.array([65535, 0, 300], dtype=np.uint16),",
            "  'i1': np.array([-128, 127], dtype=np.int8),",
            "  'u1': np.array([[0, 255], [128, 7]], dtype=np.uint8),",
            "  'bool': np.array([True, False, True]),",
            "  'scalar': np.array(2.5),",
            "}",
            "out = sys.argv[1]",
            "for name, a in arrays.items():",
            "    np.save(os.path.join(out, name + '.npy'), a)",
            "    print(line(name, a))",
            "np.savez(os.path.join(out, 'stored.npz'), **arrays)",
            "np.savez_compressed(os.path.join(out, 'deflated.npz'), **arrays)");

    @Test
    void numpyWrittenFilesReadBitExactInEveryDtypeOrderAndByteOrder() {
        Map<String, String[]> expected = parse(PythonNumpy.run(NUMPY_MAKES, dir));
        assertEquals(13, expected.size());
        for (var entry : expected.entrySet()) {
            assertMatches(entry.getValue(), Npy.read(dir.resolve(entry.getKey() + ".npy")));
        }
    }

    @Test
    void npzFromSavezAndSavezCompressedReadLikeTheSeparateFiles() throws IOException {
        Map<String, String[]> expected = parse(PythonNumpy.run(NUMPY_MAKES, dir));
        for (String archive : List.of("stored", "deflated")) {
            Path path = dir.resolve(archive + ".npz");
            int method = archive.equals("stored") ? ZipEntry.STORED : ZipEntry.DEFLATED;
            try (ZipFile zip = new ZipFile(path.toFile())) {
                zip.stream().forEach(e -> assertEquals(method, e.getMethod(), archive + " entry " + e.getName()));
            }
            Map<String, NpyArray> arrays = Npz.read(path);
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(arrays.keySet()), archive + ": names in order");
            for (var entry : expected.entrySet()) {
                assertMatches(entry.getValue(), arrays.get(entry.getKey()));
            }
        }
    }

    @Test
    void npzWrittenByJavaLoadsInNumpyBitExact() {
        Map<String, Case> cases = javaCases();
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        cases.forEach((name, c) -> arrays.put(name, c.array()));
        Path path = dir.resolve("from_java.npz");
        Npz.write(path, arrays);
        String out = PythonNumpy.run(PRINT_BITS + String.join("\n",
                "with np.load(sys.argv[1]) as archive:",
                "    for name in archive.files:",
                "        print(line(name, archive[name]))"), path);
        Map<String, String[]> seen = parse(out);
        assertEquals(List.copyOf(cases.keySet()), List.copyOf(seen.keySet()));
        cases.forEach((name, c) -> {
            assertArrayEquals(c.shape(), shape(seen.get(name)[2]), name);
            assertArrayEquals(c.bits(), bits(seen.get(name)[3], seen.get(name)[1]), name);
        });
    }

    @Test
    void aFileReadAndWrittenAgainKeepsItsBytes() throws IOException {
        parse(PythonNumpy.run(NUMPY_MAKES, dir));
        for (String name : List.of("f8", "f4", "f8_big_endian", "i8", "u1", "bool")) {
            Path original = dir.resolve(name + ".npy");
            Path copy = dir.resolve(name + ".copy.npy");
            Npy.write(copy, Npy.read(original));
            assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy), name);
        }
    }

    /** Compares what Java read with the dtype, shape and bits numpy printed. */
    private static void assertMatches(String[] numpy, NpyArray array) {
        String name = numpy[0];
        String descr = numpy[1];
        assertEquals(descr.substring(1), array.descr().substring(1), name + " dtype");
        assertArrayEquals(shape(numpy[2]), array.shape(), name + " shape");
        long[] expected = bits(numpy[3], descr);
        double[] values = array.toDoubleArray();
        long[] actual = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            switch (descr.substring(1)) {
                case "f8": actual[i] = Double.doubleToRawLongBits(values[i]); break;
                case "f4": actual[i] = Float.floatToRawIntBits((float) values[i]) & 0xFFFFFFFFL; break;
                default: actual[i] = (long) values[i];
            }
        }
        assertArrayEquals(expected, actual, name + " values");
        if (descr.endsWith("i8")) {
            assertArrayEquals(expected, array.toLongArray(), name + " as longs");
        }
        if (descr.endsWith("f4") && array.shape().length == 1) {
            float[] floats = array.toFloatArray();
            for (int i = 0; i < floats.length; i++) {
                assertEquals(expected[i], Float.floatToRawIntBits(floats[i]) & 0xFFFFFFFFL, name + " float " + i);
            }
        }
    }

    private static Map<String, String[]> parse(String out) {
        Map<String, String[]> lines = new LinkedHashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] fields = line.split(";", -1);
            lines.put(fields[0], fields);
        }
        return lines;
    }

    private static int[] shape(String text) {
        return text.isEmpty() ? new int[0] : java.util.Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static long[] bits(String text, String descr) {
        if (text.isEmpty()) {
            return new long[0];
        }
        boolean unsignedBits = descr.charAt(1) == 'f';
        return java.util.Arrays.stream(text.split(" "))
                .mapToLong(s -> unsignedBits ? Long.parseUnsignedLong(s) : Long.parseLong(s)).toArray();
    }

    private static long[] bitsOf(double[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream)
                .mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static long[] bitsOf(float[][] rows) {
        List<Long> bits = new ArrayList<>();
        for (float[] row : rows) {
            for (float v : row) {
                bits.add(Float.floatToRawIntBits(v) & 0xFFFFFFFFL);
            }
        }
        return bits.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] valuesOf(int[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToInt(java.util.Arrays::stream).asLongStream().toArray();
    }
}
