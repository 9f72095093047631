package org.hopfieldlab.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes numpy's {@code .npz} archives: a zip file of {@code .npy} arrays, as made by
 * {@code np.savez} (stored) and {@code np.savez_compressed} (deflated).
 */
public final class Npz {

    private Npz() {}

    /**
     * Reads every array of an {@code .npz} file.
     *
     * @return array name (as given to {@code np.savez}, without {@code .npy}) to array, in file order
     * @throws IllegalArgumentException when the file is missing, not a zip archive, or holds an entry
     *                                  that is not a readable {@code .npy} array
     */
    public static Map<String, NpyArray> read(Path path) {
        DataFiles.checkReadable(path);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String entryName = entry.getName();
                if (!entryName.endsWith(".npy")) {
                    throw new IllegalArgumentException(path + ": entry '" + entryName
                            + "' is not a .npy array; an .npz file holds only .npy arrays");
                }
                String where = path + "/" + entryName;
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(entryName.substring(0, entryName.length() - 4), Npy.read(in, where));
                } catch (ZipException e) {
                    throw new IllegalArgumentException(where + ": damaged compressed data (" + e.getMessage() + ")", e);
                }
            }
        } catch (ZipException e) {
            throw new IllegalArgumentException(path + ": not a readable zip archive (" + e.getMessage()
                    + "); an .npz file is a zip of .npy arrays, made by np.savez, and may be truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot read the .npz file: " + e.getMessage(), e);
        }
        return Collections.unmodifiableMap(arrays);
    }

    /**
     * Writes arrays into a compressed {@code .npz} archive that {@code np.load} opens like one from
     * {@code np.savez_compressed}.
     *
     * @param arrays name to array; names become the keys numpy shows
     */
    public static void write(Path path, Map<String, NpyArray> arrays) {
        DataFiles.checkWritable(path);
        if (arrays == null) {
            throw new IllegalArgumentException("arrays must not be null");
        }
        for (Map.Entry<String, NpyArray> entry : arrays.entrySet()) {
            if (entry.getKey() == null || entry.getKey().isEmpty()) {
                throw new IllegalArgumentException("every array needs a non-empty name");
            }
            if (entry.getValue() == null) {
                throw new IllegalArgumentException("array '" + entry.getKey() + "' is null");
            }
        }
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(path));
                ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.setMethod(ZipOutputStream.DEFLATED);
            for (Map.Entry<String, NpyArray> entry : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey() + ".npy"));
                Npy.write(zip, entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot write the .npz file: " + e.getMessage(), e);
        }
    }
}
