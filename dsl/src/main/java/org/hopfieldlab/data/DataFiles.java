package org.hopfieldlab.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reading whole files with errors that name the file; gzip is recognised by its magic bytes. */
final class DataFiles {

    private DataFiles() {}

    /** Fails with a message a student can act on when the path is missing or is a folder. */
    static void checkReadable(Path path) {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " is a folder, not a file");
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no such file: " + path.toAbsolutePath());
        }
    }

    /** Fails before writing when the target is a folder or its folder does not exist. */
    static void checkWritable(Path path) {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " is a folder; give a file name to write to");
        }
        Path folder = path.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("cannot write " + path + ": the folder " + folder
                    + " does not exist (create it first, e.g. Files.createDirectories)");
        }
    }

    static byte[] readAll(Path path) {
        checkReadable(path);
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + path.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    static byte[] readAll(InputStream in, String name) {
        if (in == null) {
            throw new IllegalArgumentException(name + ": no data (the stream is null)");
        }
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The bytes themselves, or their decompressed content when they start with the gzip magic 1f 8b. */
    static byte[] gunzipIfCompressed(byte[] bytes, String name) {
        if (bytes.length < 2 || (bytes[0] & 0xFF) != 0x1F || (bytes[1] & 0xFF) != 0x8B) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new IllegalArgumentException(name + ": truncated, the gzip stream ends early", e);
        } catch (ZipException e) {
            throw new IllegalArgumentException(name + ": damaged gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot decompress: " + e.getMessage(), e);
        }
    }

    /** Product of the dimensions, refusing arrays that a Java array cannot hold. */
    static int elementCount(int[] shape, String name) {
        long count = 1;
        for (int size : shape) {
            count *= size;
            if (count > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException(name + ": shape " + ShapeText.of(shape)
                        + " has more elements than a Java array can hold");
            }
        }
        return (int) count;
    }

    /** Shapes printed the way both numpy users and Java users read them. */
    static final class ShapeText {
        private ShapeText() {}

        static String of(int[] shape) {
            StringBuilder text = new StringBuilder("(");
            for (int i = 0; i < shape.length; i++) {
                text.append(i > 0 ? ", " : "").append(shape[i]);
            }
            return text.append(shape.length == 1 ? ",)" : ")").toString();
        }
    }
}
