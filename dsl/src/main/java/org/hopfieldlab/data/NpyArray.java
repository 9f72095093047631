package org.hopfieldlab.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A numpy array read from or written to a {@code .npy} file: its dtype, its shape and its values in
 * C (row-major) order. Immutable; every accessor returns a fresh Java array.
 *
 * <p>Build one from Java arrays with the {@code of(...)} factories; read one with {@link Npy#read}.
 */
public final class NpyArray {

    /** The numpy dtypes HopfieldLab reads and writes. */
    public enum Dtype {
        BOOL("b1", 1), INT8("i1", 1), UINT8("u1", 1), INT16("i2", 2), UINT16("u2", 2), INT32("i4", 4),
        INT64("i8", 8), FLOAT32("f4", 4), FLOAT64("f8", 8);

        private final String code;
        private final int bytes;

        Dtype(String code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        /** Bytes per element. */
        public int bytes() {
            return bytes;
        }

        /** The numpy name, e.g. {@code float64}. */
        public String numpyName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Dtype ofCode(String kindAndSize) {
            for (Dtype dtype : values()) {
                if (dtype.code.equals(kindAndSize)) {
                    return dtype;
                }
            }
            return null;
        }

        String code() {
            return code;
        }

        boolean isInteger() {
            return this != FLOAT32 && this != FLOAT64;
        }
    }

    private final String source;
    private final Dtype dtype;
    private final int[] shape;
    private final ByteBuffer data;

    NpyArray(String source, Dtype dtype, int[] shape, ByteBuffer data) {
        this.source = source;
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data.asReadOnlyBuffer().order(data.order());
    }

    /** A 1-D float64 array holding a copy of {@code values}. */
    public static NpyArray of(double[] values) {
        requireNonNull(values);
        ByteBuffer data = allocate(values.length, Dtype.FLOAT64);
        data.asDoubleBuffer().put(values);
        return new NpyArray("a Java double[]", Dtype.FLOAT64, new int[] {values.length}, data);
    }

    /** A 2-D float64 array; every row must have the same length. */
    public static NpyArray of(double[][] rows) {
        int cols = rectangular(rows);
        ByteBuffer data = allocate((long) rows.length * cols, Dtype.FLOAT64);
        var view = data.asDoubleBuffer();
        for (double[] row : rows) {
            view.put(row);
        }
        return new NpyArray("a Java double[][]", Dtype.FLOAT64, new int[] {rows.length, cols}, data);
    }

    /** A 1-D float32 array. */
    public static NpyArray of(float[] values) {
        requireNonNull(values);
        ByteBuffer data = allocate(values.length, Dtype.FLOAT32);
        data.asFloatBuffer().put(values);
        return new NpyArray("a Java float[]", Dtype.FLOAT32, new int[] {values.length}, data);
    }

    /** A 2-D float32 array; every row must have the same length. */
    public static NpyArray of(float[][] rows) {
        int cols = rectangular(rows);
        ByteBuffer data = allocate((long) rows.length * cols, Dtype.FLOAT32);
        var view = data.asFloatBuffer();
        for (float[] row : rows) {
            view.put(row);
        }
        return new NpyArray("a Java float[][]", Dtype.FLOAT32, new int[] {rows.length, cols}, data);
    }

    /** A 1-D int32 array. */
    public static NpyArray of(int[] values) {
        requireNonNull(values);
        ByteBuffer data = allocate(values.length, Dtype.INT32);
        data.asIntBuffer().put(values);
        return new NpyArray("a Java int[]", Dtype.INT32, new int[] {values.length}, data);
    }

    /** A 2-D int32 array; every row must have the same length. */
    public static NpyArray of(int[][] rows) {
        int cols = rectangular(rows);
        ByteBuffer data = allocate((long) rows.length * cols, Dtype.INT32);
        var view = data.asIntBuffer();
        for (int[] row : rows) {
            view.put(row);
        }
        return new NpyArray("a Java int[][]", Dtype.INT32, new int[] {rows.length, cols}, data);
    }

    /** A 1-D int64 array. */
    public static NpyArray of(long[] values) {
        requireNonNull(values);
        ByteBuffer data = allocate(values.length, Dtype.INT64);
        data.asLongBuffer().put(values);
        return new NpyArray("a Java long[]", Dtype.INT64, new int[] {values.length}, data);
    }

    /** The element type. */
    public Dtype dtype() {
        return dtype;
    }

    /** The size of each dimension; empty for a 0-D (scalar) array. */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of elements: the product of the shape. */
    public int size() {
        return data.capacity() / dtype.bytes;
    }

    /** All values in C (row-major) order, whatever the dtype (int64 beyond 2^53 rounds). */
    public double[] toDoubleArray() {
        double[] values = new double[size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = doubleAt(i);
        }
        return values;
    }

    /** A 2-D array as rows, whatever the dtype. */
    public double[][] toDoubleMatrix() {
        int cols = columnsOfMatrix("toDoubleMatrix");
        double[][] matrix = new double[shape[0]][cols];
        for (int r = 0; r < matrix.length; r++) {
            for (int c = 0; c < cols; c++) {
                matrix[r][c] = doubleAt(r * cols + c);
            }
        }
        return matrix;
    }

    /** All values as floats; float64 is refused because it would round (use {@link #toDoubleArray()}). */
    public float[] toFloatArray() {
        requireExactInFloat("toFloatArray");
        float[] values = new float[size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) doubleAt(i);
        }
        return values;
    }

    /** A 2-D array as float rows; float64, int32 and int64 are refused because they would round. */
    public float[][] toFloatMatrix() {
        requireExactInFloat("toFloatMatrix");
        int cols = columnsOfMatrix("toFloatMatrix");
        float[][] matrix = new float[shape[0]][cols];
        for (int r = 0; r < matrix.length; r++) {
            for (int c = 0; c < cols; c++) {
                matrix[r][c] = (float) doubleAt(r * cols + c);
            }
        }
        return matrix;
    }

    /** All values as ints, for integer and bool dtypes; int64 values must fit in an int. */
    public int[] toIntArray() {
        int[] values = new int[size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = intAt(i, "toIntArray");
        }
        return values;
    }

    /** A 2-D integer or bool array as int rows. */
    public int[][] toIntMatrix() {
        int cols = columnsOfMatrix("toIntMatrix");
        int[][] matrix = new int[shape[0]][cols];
        for (int r = 0; r < matrix.length; r++) {
            for (int c = 0; c < cols; c++) {
                matrix[r][c] = intAt(r * cols + c, "toIntMatrix");
            }
        }
        return matrix;
    }

    /** All values as longs, for integer and bool dtypes. */
    public long[] toLongArray() {
        requireInteger("toLongArray");
        long[] values = new long[size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = longAt(i);
        }
        return values;
    }

    /** One line, e.g. {@code NpyArray float64 (3, 4) from weights.npy}. */
    @Override
    public String toString() {
        return "NpyArray " + dtype.numpyName() + " " + DataFiles.ShapeText.of(shape) + " from " + source;
    }

    /** The numpy descr string, e.g. {@code <f8}; single bytes have no byte order ({@code |u1}). */
    String descr() {
        if (dtype.bytes == 1) {
            return "|" + dtype.code;
        }
        return (data.order() == ByteOrder.LITTLE_ENDIAN ? "<" : ">") + dtype.code;
    }

    /** The raw element bytes in C order and the array's byte order. */
    ByteBuffer rawData() {
        return data.duplicate().order(data.order());
    }

    private double doubleAt(int index) {
        switch (dtype) {
            case FLOAT64: return data.getDouble(index * 8);
            case FLOAT32: return data.getFloat(index * 4);
            default: return longAt(index);
        }
    }

    private long longAt(int index) {
        switch (dtype) {
            case BOOL: return data.get(index) != 0 ? 1 : 0;
            case INT8: return data.get(index);
            case UINT8: return data.get(index) & 0xFF;
            case INT16: return data.getShort(index * 2);
            case UINT16: return data.getShort(index * 2) & 0xFFFF;
            case INT32: return data.getInt(index * 4);
            case INT64: return data.getLong(index * 8);
            default: throw new IllegalStateException("not an integer dtype: " + dtype);
        }
    }

    private int intAt(int index, String method) {
        requireInteger(method);
        long value = longAt(index);
        if (value != (int) value) {
            throw new IllegalArgumentException(source + ": value " + value + " at flat index " + index
                    + " does not fit in a Java int; use toLongArray() instead");
        }
        return (int) value;
    }

    private void requireInteger(String method) {
        if (!dtype.isInteger()) {
            throw new IllegalArgumentException(source + " holds " + dtype.numpyName() + " values; " + method
                    + " needs an integer or bool dtype, use toDoubleArray() or toDoubleMatrix() instead");
        }
    }

    private void requireExactInFloat(String method) {
        if (dtype == Dtype.FLOAT64 || dtype == Dtype.INT32 || dtype == Dtype.INT64) {
            throw new IllegalArgumentException(source + " holds " + dtype.numpyName() + " values, which "
                    + method + " would round to float; use toDoubleArray() or toDoubleMatrix(), or save a "
                    + "float32 array from numpy with a.astype(np.float32)");
        }
    }

    private int columnsOfMatrix(String method) {
        if (shape.length != 2) {
            throw new IllegalArgumentException(source + " has shape " + DataFiles.ShapeText.of(shape) + " ("
                    + shape.length + " dimensions); " + method + " needs a 2-D array, reshape it in numpy "
                    + "first (a.reshape(rows, -1)) or use toDoubleArray()");
        }
        return shape[1];
    }

    private static void requireNonNull(Object values) {
        if (values == null) {
            throw new IllegalArgumentException("values must not be null");
        }
    }

    private static ByteBuffer allocate(long count, Dtype dtype) {
        long bytes = count * dtype.bytes;
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(
                    "the array has " + count + " values, more than one .npy buffer in Java can hold");
        }
        return ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Checks that a 2-D Java array is rectangular and returns its column count. */
    private static int rectangular(Object rows) {
        requireNonNull(rows);
        int count = java.lang.reflect.Array.getLength(rows);
        int cols = -1;
        for (int r = 0; r < count; r++) {
            Object row = java.lang.reflect.Array.get(rows, r);
            if (row == null) {
                throw new IllegalArgumentException("row " + r + " is null");
            }
            int length = java.lang.reflect.Array.getLength(row);
            if (cols < 0) {
                cols = length;
            } else if (length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + length + " values, row 0 has " + cols
                        + "; a .npy matrix needs rows of equal length");
            }
        }
        return Math.max(cols, 0);
    }
}
