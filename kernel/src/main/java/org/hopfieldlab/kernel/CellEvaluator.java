package org.hopfieldlab.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a notebook cell: its magics ({@code %maven}, {@code %jars}, {@code %load}, {@code %time} ...)
 * in order with the Java code around them, which goes to the {@link JShellSession}.
 *
 * <p>A line magic is a line that starts with {@code %}; a cell magic ({@code %%time}) is the first line.
 */
public final class CellEvaluator implements AutoCloseable {

    static final String MAGIC_HELP = String.join("\n",
            "Line magics (a line of their own):",
            "  %classpath PATH...     add jars or class folders (globs like lib/*.jar work); no PATH: list what was added",
            "  %jars PATH...          the same as %classpath",
            "  %maven G:A:V...        download from Maven Central (with dependencies, cached) and add to the class path",
            "  %load FILE.jsh         run the Java code of a file",
            "  %time CODE             run CODE and print the wall time it took",
            "  %lsmagic               this list",
            "Cell magics (first line of a cell):",
            "  %%time                 run the cell and print the wall time it took");

    private final JShellSession session;
    private final MavenResolver maven;
    private final Path workingDirectory;

    /**
     * @param session          where the Java code runs
     * @param mavenCache       where {@code %maven} keeps downloaded jars
     * @param workingDirectory what relative paths in magics are relative to (the notebook's folder)
     */
    public CellEvaluator(JShellSession session, Path mavenCache, Path workingDirectory) {
        this.session = session;
        this.maven = new MavenResolver(mavenCache);
        this.workingDirectory = workingDirectory;
    }

    /** Runs one cell; the result is the value of its last expression. */
    public CellResult evaluate(String cell) throws CellFailure {
        String firstLine = cell.strip().split("\n", 2)[0].strip();
        if (firstLine.startsWith("%%")) {
            String name = firstLine.substring(2).split("\\s+", 2)[0];
            String body = cell.strip().contains("\n") ? cell.strip().split("\n", 2)[1] : "";
            if (!name.equals("time")) {
                throw unknownMagic("%%" + name);
            }
            long start = System.nanoTime();
            try {
                return evaluate(body);
            } finally {
                printWallTime(start);
            }
        }
        CellResult result = CellResult.NOTHING;
        StringBuilder code = new StringBuilder();
        for (String line : cell.split("\n", -1)) {
            if (line.strip().startsWith("%") && !line.strip().startsWith("%%")) {
                result = runCode(code.toString(), result);
                code.setLength(0);
                result = lineMagic(line.strip().substring(1), result);
                code.append('\n'); // keeps line numbers of compile errors true to the cell
            } else {
                code.append(line).append('\n');
            }
        }
        return runCode(code.toString(), result);
    }

    private CellResult runCode(String code, CellResult previous) throws CellFailure {
        return code.isBlank() ? previous : session.execute(code);
    }

    private CellResult lineMagic(String magic, CellResult previous) throws CellFailure {
        String[] parts = magic.split("\\s+", 2);
        String name = parts[0];
        String argument = parts.length > 1 ? parts[1].strip() : "";
        switch (name) {
            case "classpath":
            case "jars":
                if (argument.isEmpty()) {
                    session.addedClassPath().forEach(System.out::println);
                } else {
                    for (String pattern : argument.split("\\s+")) {
                        addPaths(pattern);
                    }
                }
                return CellResult.NOTHING;
            case "maven":
                if (argument.isEmpty()) {
                    throw failure("%maven needs coordinates: %maven group:artifact:version");
                }
                for (String coordinates : argument.split("\\s+")) {
                    addMaven(coordinates);
                }
                return CellResult.NOTHING;
            case "load":
                return load(argument);
            case "time":
                long start = System.nanoTime();
                try {
                    return session.execute(argument);
                } finally {
                    printWallTime(start);
                }
            case "lsmagic":
                System.out.println(MAGIC_HELP);
                return previous;
            default:
                throw unknownMagic("%" + name);
        }
    }

    private void addPaths(String pattern) throws CellFailure {
        Path path = workingDirectory.resolve(pattern.replaceFirst("^~(?=/)", System.getProperty("user.home")));
        List<Path> found = new ArrayList<>();
        String fileName = path.getFileName() == null ? "" : path.getFileName().toString();
        if (fileName.contains("*") || fileName.contains("?")) {
            try (DirectoryStream<Path> matches = Files.newDirectoryStream(path.getParent(), fileName)) {
                matches.forEach(found::add);
            } catch (IOException e) {
                throw failure("cannot list " + path.getParent() + ": " + e.getMessage());
            }
            if (found.isEmpty()) {
                throw failure("no file matches " + path);
            }
        } else if (Files.exists(path)) {
            found.add(path);
        } else {
            throw failure("no such jar or folder: " + path);
        }
        found.stream().sorted().forEach(session::addToClassPath);
        System.out.println("added " + found.size() + (found.size() == 1 ? " entry" : " entries") + " to the class path");
    }

    private void addMaven(String coordinates) throws CellFailure {
        List<Path> jars;
        try {
            jars = maven.resolve(coordinates);
        } catch (IllegalArgumentException e) {
            throw failure(e.getMessage());
        } catch (IOException e) {
            throw failure("could not resolve " + coordinates + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("resolving " + coordinates + " was interrupted");
        }
        jars.forEach(session::addToClassPath);
        System.out.println(coordinates + ": added " + jars.size() + (jars.size() == 1 ? " jar" : " jars") + " to the class path");
    }

    private CellResult load(String file) throws CellFailure {
        if (file.isEmpty()) {
            throw failure("%load needs a file: %load helpers.jsh");
        }
        Path path = workingDirectory.resolve(file);
        String code;
        try {
            code = Files.readString(path);
        } catch (IOException e) {
            throw failure("cannot read " + path + ": " + (Files.exists(path) ? e.getMessage() : "no such file"));
        }
        return evaluate(code);
    }

    private static void printWallTime(long startNanos) {
        double millis = (System.nanoTime() - startNanos) / 1e6;
        PrintStream out = System.out;
        out.println(millis < 1000 ? String.format(Locale.ROOT, "Wall time: %.1f ms", millis)
                : String.format(Locale.ROOT, "Wall time: %.2f s", millis / 1000));
    }

    private static CellFailure unknownMagic(String name) {
        return failure("unknown magic " + name + "; %lsmagic lists the magics this kernel knows");
    }

    private static CellFailure failure(String message) {
        return new CellFailure("IllegalArgumentException", message, List.of(Ansi.red("IllegalArgumentException: " + message)));
    }

    /** Stops the running cell; safe from any thread. */
    public void interrupt() {
        session.interrupt();
    }

    /** The Java session underneath, for completion and inspection. */
    public JShellSession session() {
        return session;
    }

    @Override
    public void close() {
        session.close();
    }
}
