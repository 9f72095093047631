package org.hopfieldlab.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An array read from an IDX file (the format of the original MNIST files): an element type, a shape
 * and the values in row-major order. Immutable; every accessor returns a fresh Java array.
 */
public final class IdxArray {

    /** The element types IDX defines, with their type code (the third magic byte) and width in bytes. */
    public enum Type {
        UNSIGNED_BYTE(0x08, 1), SIGNED_BYTE(0x09, 1), SHORT(0x0B, 2), INT(0x0C, 4), FLOAT(0x0D, 4),
        DOUBLE(0x0E, 8);

        private final int code;
        private final int bytes;

        Type(int code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        /** The type code stored in the third byte of the magic number. */
        public int code() {
            return code;
        }

        /** Bytes per element. */
        public int bytes() {
            return bytes;
        }

        static Type ofCode(int code) {
            for (Type type : values()) {
                if (type.code == code) {
                    return type;
                }
            }
            return null;
        }

        boolean isInteger() {
            return this != FLOAT && this != DOUBLE;
        }
    }

    private final String source;
    private final Type type;
    private final int[] shape;
    private final ByteBuffer data;

    IdxArray(String source, Type type, int[] shape, ByteBuffer data) {
        this.source = source;
        this.type = type;
        this.shape = shape.clone();
        this.data = data.asReadOnlyBuffer().order(ByteOrder.BIG_ENDIAN);
    }

    /** The element type stored in the file. */
    public Type type() {
        return type;
    }

    /** The size of each dimension, e.g. {@code [10000, 28, 28]} for MNIST images. */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of elements: the product of the shape. */
    public int size() {
        return data.capacity() / type.bytes;
    }

    /** All values in row-major order. */
    public double[] toDoubleArray() {
        double[] values = new double[size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = valueAt(i);
        }
        return values;
    }

    /**
     * The array as a matrix: one row per entry of the first dimension, the other dimensions flattened
     * (so MNIST images {@code [10000, 28, 28]} become 10000 rows of 784 values).
     */
    public double[][] toMatrix() {
        if (shape.length < 2) {
            throw new IllegalArgumentException(source + " has 1 dimension " + DataFiles.ShapeText.of(shape)
                    + "; a matrix needs at least 2, use toDoubleArray() instead");
        }
        int rows = shape[0];
        int cols = rows == 0 ? 0 : size() / rows;
        double[][] matrix = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                matrix[r][c] = valueAt(r * cols + c);
            }
        }
        return matrix;
    }

    /** All values as ints, for the integer types (labels, pixel bytes). */
    public int[] toIntArray() {
        if (!type.isInteger()) {
            throw new IllegalArgumentException(source + " holds " + type
                    + " values, which are not whole numbers; use toDoubleArray() instead");
        }
        int[] values = new int[size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (int) valueAt(i);
        }
        return values;
    }

    /** The raw bytes of an UNSIGNED_BYTE or SIGNED_BYTE array, e.g. pixel values 0..255 as stored. */
    public byte[] toByteArray() {
        if (type.bytes != 1) {
            throw new IllegalArgumentException(source + " holds " + type + " values, not bytes; use "
                    + (type.isInteger() ? "toIntArray()" : "toDoubleArray()") + " instead");
        }
        byte[] bytes = new byte[size()];
        data.get(0, bytes);
        return bytes;
    }

    private double valueAt(int index) {
        switch (type) {
            case UNSIGNED_BYTE: return data.get(index) & 0xFF;
            case SIGNED_BYTE: return data.get(index);
            case SHORT: return data.getShort(index * 2);
            case INT: return data.getInt(index * 4);
            case FLOAT: return data.getFloat(index * 4);
            default: return data.getDouble(index * 8);
        }
    }

    /** One line, e.g. {@code IdxArray UNSIGNED_BYTE (10000, 28, 28) from train-images.idx}. */
    @Override
    public String toString() {
        return "IdxArray " + type + " " + DataFiles.ShapeText.of(shape) + " from " + source;
    }
}
