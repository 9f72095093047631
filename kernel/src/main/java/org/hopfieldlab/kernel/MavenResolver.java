package org.hopfieldlab.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Resolves {@code group:artifact:version} with its runtime dependencies from Maven Central into a
 * cache folder (one folder per coordinate, reused by later sessions), by running Maven itself:
 * the same resolver, settings, mirrors and local repository the user's builds use.
 */
final class MavenResolver {

    private static final Pattern COORDINATES = Pattern.compile("[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+:[A-Za-z0-9_.+-]+");
    private static final String COMPLETE_MARKER = ".resolved";
    private static final long TIMEOUT_MINUTES = 10;

    private final Path cacheRoot;

    MavenResolver(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    /** {@code $XDG_CACHE_HOME/hopfieldlab/maven}, or {@code ~/.cache/hopfieldlab/maven}. */
    static Path defaultCacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("hopfieldlab").resolve("maven");
    }

    /**
     * The jars of {@code coordinates} and everything it needs at run time.
     *
     * @throws IllegalArgumentException when the coordinates are malformed or Maven cannot resolve them
     */
    List<Path> resolve(String coordinates) throws IOException, InterruptedException {
        if (!COORDINATES.matcher(coordinates).matches()) {
            throw new IllegalArgumentException("maven coordinates must look like group:artifact:version "
                    + "(for example org.apache.commons:commons-text:1.12.0), got '" + coordinates + "'");
        }
        String[] parts = coordinates.split(":");
        Path folder = cacheRoot.resolve(parts[0]).resolve(parts[1]).resolve(parts[2]);
        if (!Files.exists(folder.resolve(COMPLETE_MARKER))) {
            download(parts, folder);
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
    }

    private void download(String[] parts, Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path pom = Files.createTempFile("hopfield-maven-", ".xml");
        Path log = Files.createTempFile("hopfield-maven-", ".log");
        try {
            Files.writeString(pom, pomFor(parts[0], parts[1], parts[2]));
            Process maven;
            try {
                maven = new ProcessBuilder("mvn", "-B", "-q", "-f", pom.toString(),
                        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies",
                        "-DincludeScope=runtime", "-DoutputDirectory=" + folder)
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException noMaven) {
                throw new IllegalArgumentException("%maven needs Maven (the mvn command) on the PATH: install it "
                        + "(Debian: apt-get install maven) or add jars with %jars", noMaven);
            }
            if (!maven.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                maven.destroyForcibly();
                throw new IllegalArgumentException("resolving " + String.join(":", parts) + " took more than "
                        + TIMEOUT_MINUTES + " minutes; is Maven Central reachable?");
            }
            if (maven.exitValue() != 0) {
                List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
                String tail = output.stream().filter(l -> l.contains("ERROR")).limit(3).collect(Collectors.joining("\n"));
                throw new IllegalArgumentException("could not resolve " + String.join(":", parts)
                        + " from Maven Central; check the coordinates on https://central.sonatype.com\n" + tail);
            }
            Files.writeString(folder.resolve(COMPLETE_MARKER), String.join(":", parts) + "\n");
        } finally {
            Files.deleteIfExists(pom);
            Files.deleteIfExists(log);
        }
    }

    private static String pomFor(String group, String artifact, String version) {
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n"
                + "  <groupId>org.hopfieldlab.maven-magic</groupId><artifactId>resolve</artifactId><version>1</version>\n"
                + "  <dependencies><dependency>\n"
                + "    <groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId><version>" + version + "</version>\n"
                + "  </dependency></dependencies>\n"
                + "</project>\n";
    }
}
