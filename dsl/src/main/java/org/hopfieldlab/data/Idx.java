package org.hopfieldlab.data;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Reads IDX files, the format of the original MNIST distribution: two zero bytes, a type code, the
 * number of dimensions, each dimension as a big-endian int, then the values in row-major order.
 * Gzip'ed files ({@code .gz}) are recognised by their first bytes, whatever their name.
 */
public final class Idx {

    private Idx() {}

    /**
     * Reads an IDX file, plain or gzip'ed.
     *
     * @throws IllegalArgumentException when the file is missing, not IDX, or shorter than its header says
     */
    public static IdxArray read(Path path) {
        byte[] bytes = DataFiles.readAll(path);
        return parse(bytes, path.toString());
    }

    /**
     * Reads IDX data from a stream (e.g. a class path resource) and closes it.
     *
     * @param name how error messages call the data, e.g. the resource name
     */
    public static IdxArray read(InputStream in, String name) {
        return parse(DataFiles.readAll(in, name), name);
    }

    private static IdxArray parse(byte[] fileBytes, String name) {
        byte[] bytes = DataFiles.gunzipIfCompressed(fileBytes, name);
        if (bytes.length < 4 || bytes[0] != 0 || bytes[1] != 0) {
            throw new IllegalArgumentException(name + ": not an IDX file, wrong magic number "
                    + magicText(bytes) + " (IDX files start with 00 00, a type code and the dimension count)");
        }
        IdxArray.Type type = IdxArray.Type.ofCode(bytes[2] & 0xFF);
        if (type == null) {
            throw new IllegalArgumentException(String.format(
                    "%s: unknown IDX type code 0x%02X; known codes are 0x08 unsigned byte, 0x09 signed byte, "
                            + "0x0B short, 0x0C int, 0x0D float, 0x0E double", name, bytes[2] & 0xFF));
        }
        int dimensions = bytes[3] & 0xFF;
        if (dimensions == 0) {
            throw new IllegalArgumentException(name + ": the IDX header declares 0 dimensions");
        }
        int headerBytes = 4 + 4 * dimensions;
        if (bytes.length < headerBytes) {
            throw new IllegalArgumentException(name + ": truncated, the header needs " + headerBytes
                    + " bytes for " + dimensions + " dimensions, found " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int[] shape = new int[dimensions];
        for (int d = 0; d < dimensions; d++) {
            shape[d] = buffer.getInt(4 + 4 * d);
            if (shape[d] < 0) {
                throw new IllegalArgumentException(name + ": dimension " + d + " has negative size " + shape[d]);
            }
        }
        long expected = (long) DataFiles.elementCount(shape, name) * type.bytes();
        long found = bytes.length - headerBytes;
        if (found < expected) {
            throw new IllegalArgumentException(name + ": truncated, expected " + expected + " data bytes for "
                    + DataFiles.ShapeText.of(shape) + " " + type + " values, found " + found);
        }
        if (found > expected) {
            throw new IllegalArgumentException(name + ": " + (found - expected)
                    + " unexpected bytes after the data; the header declares " + DataFiles.ShapeText.of(shape)
                    + " " + type + " values (" + expected + " bytes)");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, headerBytes, (int) expected).slice();
        return new IdxArray(name, type, shape, data);
    }

    private static String magicText(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            text.append(String.format("%s%02X", i > 0 ? " " : "", bytes[i] & 0xFF));
        }
        return bytes.length == 0 ? "(empty file)" : text.toString();
    }
}
