package org.hopfieldlab.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes numpy's {@code .npy} files, so arrays move between Java and Python unchanged.
 *
 * <p>Writing produces the same bytes as numpy's {@code np.save} for the same array (format version
 * 1.0, little-endian, C order). Reading accepts format versions 1, 2 and 3, either byte order, and
 * C or Fortran order (Fortran-order data is rearranged into C order).
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy pads the header so the data starts at a multiple of 64 bytes. */
    private static final int ALIGNMENT = 64;
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    /**
     * Reads a {@code .npy} file.
     *
     * @throws IllegalArgumentException when the file is missing, not {@code .npy}, truncated, or of a
     *                                  dtype HopfieldLab does not read (see {@link NpyArray.Dtype})
     */
    public static NpyArray read(Path path) {
        return parse(DataFiles.readAll(path), path.toString());
    }

    /**
     * Reads {@code .npy} data from a stream and closes it.
     *
     * @param name how error messages call the data, e.g. {@code weights.npz/W.npy}
     */
    public static NpyArray read(InputStream in, String name) {
        return parse(DataFiles.readAll(in, name), name);
    }

    /** Writes a 1-D float64 array ({@code np.load} gives shape {@code (n,)}). */
    public static void write(Path path, double[] values) {
        write(path, NpyArray.of(values));
    }

    /** Writes a 2-D float64 array, one numpy row per Java row. */
    public static void write(Path path, double[][] rows) {
        write(path, NpyArray.of(rows));
    }

    /** Writes a 1-D float32 array. */
    public static void write(Path path, float[] values) {
        write(path, NpyArray.of(values));
    }

    /** Writes a 2-D float32 array. */
    public static void write(Path path, float[][] rows) {
        write(path, NpyArray.of(rows));
    }

    /** Writes a 1-D int32 array. */
    public static void write(Path path, int[] values) {
        write(path, NpyArray.of(values));
    }

    /** Writes a 2-D int32 array. */
    public static void write(Path path, int[][] rows) {
        write(path, NpyArray.of(rows));
    }

    /** Writes a 1-D int64 array. */
    public static void write(Path path, long[] values) {
        write(path, NpyArray.of(values));
    }

    /** Writes any {@link NpyArray}, including one read before, with its dtype, byte order and shape. */
    public static void write(Path path, NpyArray array) {
        DataFiles.checkWritable(path);
        if (array == null) {
            throw new IllegalArgumentException("array must not be null");
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            write(out, array);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot write the .npy file: " + e.getMessage(), e);
        }
    }

    /** Writes the {@code .npy} bytes of an array to a stream, leaving it open (used for {@code .npz}). */
    static void write(OutputStream out, NpyArray array) throws IOException {
        out.write(header(array));
        ByteBuffer data = array.rawData();
        data.rewind();
        Channels.newChannel(out).write(data);
        out.flush();
    }

    private static byte[] header(NpyArray array) {
        String dict = "{'descr': '" + array.descr() + "', 'fortran_order': False, 'shape': "
                + DataFiles.ShapeText.of(array.shape()) + ", }";
        // version 1.0 stores the header length in 2 bytes; larger headers need version 2.0 (4 bytes)
        int prefix = MAGIC.length + 2 + 2;
        int version = 1;
        int unpadded = prefix + dict.length() + 1;
        if (unpadded - prefix > 0xFFFF) {
            version = 2;
            prefix += 2;
            unpadded += 2;
        }
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String text = dict + " ".repeat(padding) + "\n";
        ByteBuffer header = ByteBuffer.allocate(prefix + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) {
            header.putShort((short) text.length());
        } else {
            header.putInt(text.length());
        }
        header.put(text.getBytes(StandardCharsets.US_ASCII));
        return header.array();
    }

    private static NpyArray parse(byte[] bytes, String name) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.length <= i || bytes[i] != MAGIC[i]) {
                throw new IllegalArgumentException(name + ": not a .npy file, it does not start with the "
                        + "magic bytes \\x93NUMPY (save arrays with numpy's np.save)");
            }
        }
        if (bytes.length < 10) {
            throw new IllegalArgumentException(name + ": truncated, the .npy header is incomplete");
        }
        int major = bytes[6] & 0xFF;
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = buffer.getShort(8) & 0xFFFF;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new IllegalArgumentException(name + ": truncated, the .npy header is incomplete");
            }
            headerLength = buffer.getInt(8) & 0xFFFFFFFFL;
            headerStart = 12;
        } else {
            throw new IllegalArgumentException(name + ": .npy format version " + major + "." + (bytes[7] & 0xFF)
                    + " is not supported; versions 1, 2 and 3 are");
        }
        if (headerStart + headerLength > bytes.length) {
            throw new IllegalArgumentException(name + ": truncated, the .npy header declares " + headerLength
                    + " bytes, found " + (bytes.length - headerStart));
        }
        String header = new String(bytes, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        String descr = find(DESCR, header, "descr", name);
        ByteOrder order = byteOrder(descr, name);
        NpyArray.Dtype dtype = NpyArray.Dtype.ofCode(descr.substring(1));
        if (dtype == null || descr.length() < 3) {
            throw new IllegalArgumentException(name + ": unsupported dtype '" + descr + "'; HopfieldLab reads "
                    + "bool, int8, uint8, int16, uint16, int32, int64, float32 and float64");
        }
        boolean fortranOrder = find(FORTRAN, header, "fortran_order", name).equals("True");
        int[] shape = parseShape(find(SHAPE, header, "shape", name), name);

        int count = DataFiles.elementCount(shape, name);
        long expected = (long) count * dtype.bytes();
        long dataStart = headerStart + headerLength;
        long found = bytes.length - dataStart;
        if (found < expected) {
            throw new IllegalArgumentException(name + ": truncated, expected " + expected + " data bytes for shape "
                    + DataFiles.ShapeText.of(shape) + " of " + descr + ", found " + found);
        }
        if (found > expected) {
            throw new IllegalArgumentException(name + ": " + (found - expected) + " unexpected bytes after the "
                    + "data; the header declares shape " + DataFiles.ShapeText.of(shape) + " of " + descr);
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, (int) dataStart, (int) expected).slice().order(order);
        if (fortranOrder && shape.length > 1) {
            data = toCOrder(data, shape, dtype.bytes());
        }
        return new NpyArray(name, dtype, shape, data);
    }

    private static String find(Pattern pattern, String header, String key, String name) {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            if (key.equals("descr") && header.contains("'descr': [")) {
                throw new IllegalArgumentException(name + ": unsupported dtype, a structured (record) array; "
                        + "save each field as its own array");
            }
            throw new IllegalArgumentException(name + ": the .npy header has no readable '" + key + "' entry: "
                    + header.strip());
        }
        return matcher.group(1);
    }

    private static ByteOrder byteOrder(String descr, String name) {
        switch (descr.isEmpty() ? ' ' : descr.charAt(0)) {
            case '<':
            case '|':
                return ByteOrder.LITTLE_ENDIAN;
            case '>':
                return ByteOrder.BIG_ENDIAN;
            case '=':
                return ByteOrder.nativeOrder();
            default:
                throw new IllegalArgumentException(name + ": unsupported dtype '" + descr + "'; HopfieldLab reads "
                        + "bool, int8, uint8, int16, uint16, int32, int64, float32 and float64");
        }
    }

    private static int[] parseShape(String text, String name) {
        String[] parts = text.split(",");
        int dims = 0;
        int[] shape = new int[parts.length];
        for (String part : parts) {
            String size = part.strip();
            if (size.endsWith("L")) {
                size = size.substring(0, size.length() - 1); // Python 2 wrote long integers with an L
            }
            if (size.isEmpty()) {
                continue;
            }
            try {
                shape[dims] = Integer.parseInt(size);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": cannot read the shape (" + text + ") in the header");
            }
            if (shape[dims] < 0) {
                throw new IllegalArgumentException(name + ": negative size in shape (" + text + ")");
            }
            dims++;
        }
        return java.util.Arrays.copyOf(shape, dims);
    }

    /** Rearranges column-major (Fortran) elements into row-major (C) order, element by element. */
    private static ByteBuffer toCOrder(ByteBuffer fortran, int[] shape, int width) {
        int dims = shape.length;
        int count = fortran.capacity() / width;
        // stride of each dimension in the Fortran layout, in elements
        long[] fortranStride = new long[dims];
        long stride = 1;
        for (int d = 0; d < dims; d++) {
            fortranStride[d] = stride;
            stride *= shape[d];
        }
        byte[] source = new byte[fortran.capacity()];
        fortran.get(0, source);
        byte[] target = new byte[source.length];
        int[] index = new int[dims];
        for (int c = 0; c < count; c++) {
            long f = 0;
            for (int d = 0; d < dims; d++) {
                f += index[d] * fortranStride[d];
            }
            System.arraycopy(source, (int) f * width, target, c * width, width);
            for (int d = dims - 1; d >= 0; d--) { // advance the C-order counter, last index fastest
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return ByteBuffer.wrap(target).order(fortran.order());
    }
}
