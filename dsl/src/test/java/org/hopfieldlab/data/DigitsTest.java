package org.hopfieldlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded digits: checks that would fail on wrong, shuffled or blank data. */
class DigitsTest {

    private final Digits digits = Digits.load();

    @Test
    void tenThousandImagesOf28By28WithLabels0To9AndEveryClassPresent() {
        assertEquals(10_000, digits.size());
        assertEquals(28, digits.rows());
        assertEquals(28, digits.cols());
        int[] labels = digits.labels(digits.size());
        int[] perClass = new int[10];
        for (int label : labels) {
            assertTrue(label >= 0 && label <= 9, "label " + label);
            perClass[label]++;
        }
        for (int d = 0; d < 10; d++) {
            // MNIST classes are roughly balanced: each between 5% and 15% of the set
            assertTrue(perClass[d] > 500 && perClass[d] < 1500, "digit " + d + " appears " + perClass[d] + " times");
        }
        assertSame(digits, Digits.load(), "loaded once and cached");
    }

    @Test
    void pixelsAreBytesOver255WithInkAndBackgroundInEveryImage() {
        double[][] images = digits.images(digits.size());
        for (int i = 0; i < images.length; i++) {
            double min = 1;
            double max = 0;
            int ink = 0;
            for (double v : images[i]) {
                assertTrue(v >= 0 && v <= 1, "image " + i + " has pixel " + v);
                double level = v * 255;
                assertEquals(Math.rint(level), level, 1e-9, "pixel is k/255");
                min = Math.min(min, v);
                max = Math.max(max, v);
                ink += v > 0.5 ? 1 : 0;
            }
            assertEquals(0.0, min, "image " + i + " has no background");
            assertTrue(max > 0.9 && ink >= 10, "image " + i + " is blank or faint: max " + max + ", ink " + ink);
            // MNIST centres each digit: the border rows are blank
            for (int c = 0; c < 28; c++) {
                assertEquals(0.0, images[i][c], "image " + i + " top row");
            }
        }
    }

    @Test
    void theAverageOneIsNarrowerThanTheAverageZero() {
        double ones = horizontalSpread(digits.ofLabel(1));
        double zeros = horizontalSpread(digits.ofLabel(0));
        assertTrue(ones < 0.6 * zeros, "spread of 1s " + ones + " vs 0s " + zeros);
    }

    /** Standard deviation of the ink's column position in the mean image of a class. */
    private static double horizontalSpread(Digits set) {
        double[] mean = new double[784];
        for (double[] image : set.images(set.size())) {
            for (int p = 0; p < 784; p++) {
                mean[p] += image[p] / set.size();
            }
        }
        double mass = 0;
        double first = 0;
        double second = 0;
        for (int p = 0; p < 784; p++) {
            int col = p % 28;
            mass += mean[p];
            first += mean[p] * col;
            second += mean[p] * col * col;
        }
        double centre = first / mass;
        return Math.sqrt(second / mass - centre * centre);
    }

    @Test
    void labelsBelongToTheirImages_nearestNeighbourClassifiesHeldOutDigits() {
        double[][] train = digits.images(1000);
        int[] trainLabels = digits.labels(1000);
        int correct = 0;
        int tests = 300;
        for (int t = 0; t < tests; t++) {
            double[] query = digits.image(5000 + t).pixels();
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int i = 0; i < train.length; i++) {
                double distance = 0;
                for (int p = 0; p < 784; p++) {
                    double d = train[i][p] - query[p];
                    distance += d * d;
                }
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            correct += trainLabels[best] == digits.label(5000 + t) ? 1 : 0;
        }
        // 1-NN on 1000 MNIST digits is known to reach about 88%; shuffled labels would give about 10%
        assertTrue(correct > 0.8 * tests, "1-NN accuracy " + correct + "/" + tests);
    }

    @Test
    void theFirstTenAreOneOfEachDigit() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, digits.labels(10));
        Image[] firsts = digits.firstOfEachDigit();
        assertEquals(10, firsts.length);
        for (int d = 0; d < 10; d++) {
            assertEquals(d, firsts[d].label());
        }
    }

    @Test
    void embeddedFilesDecodeTheSameInPython(@TempDir Path dir) throws IOException {
        for (String name : new String[] {"digits-images-idx3-ubyte.gz", "digits-labels-idx1-ubyte.gz"}) {
            try (InputStream in = Digits.class.getResourceAsStream(name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        String out = PythonNumpy.run(String.join("\n",
                "import sys, os, gzip, numpy as np",
                "raw = gzip.open(os.path.join(sys.argv[1], 'digits-images-idx3-ubyte.gz')).read()",
                "images = np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(-1, 784)",
                "labels = np.frombuffer(gzip.open(os.path.join(sys.argv[1], 'digits-labels-idx1-ubyte.gz')).read(),",
                "                       dtype=np.uint8, offset=8)",
                "print(' '.join(map(str, images.sum(axis=1, dtype=np.int64).tolist())))",
                "print(' '.join(map(str, labels.tolist())))"), dir);
        String[] lines = out.strip().split("\n");
        long[] pythonSums = Arrays.stream(lines[0].split(" ")).mapToLong(Long::parseLong).toArray();
        int[] pythonLabels = Arrays.stream(lines[1].split(" ")).mapToInt(Integer::parseInt).toArray();
        assertArrayEquals(pythonLabels, digits.labels(digits.size()));
        double[][] images = digits.images(digits.size());
        for (int i = 0; i < images.length; i++) {
            long sum = 0;
            for (double v : images[i]) {
                sum += Math.round(v * 255);
            }
            assertEquals(pythonSums[i], sum, "image " + i);
        }
    }

    @Test
    void theShippedFilesAreTheOnesDigitsSourceDescribes() throws Exception {
        String source;
        try (InputStream in = Digits.class.getResourceAsStream("DIGITS-SOURCE.md")) {
            source = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String name : new String[] {"digits-images-idx3-ubyte.gz", "digits-labels-idx1-ubyte.gz"}) {
            byte[] bytes;
            try (InputStream in = Digits.class.getResourceAsStream(name)) {
                bytes = in.readAllBytes();
            }
            String sha256 = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            assertTrue(source.contains(sha256), name + " has SHA-256 " + sha256
                    + ", which DIGITS-SOURCE.md does not list: regenerate with tools/data/make-digits.sh and update it");
        }
    }

    @Test
    void binarizedIsPlusOneExactlyWherePixelsExceedOneHalf() {
        double[][] images = digits.images(50);
        double[][] spins = digits.binarized(50);
        for (int i = 0; i < 50; i++) {
            for (int p = 0; p < 784; p++) {
                assertEquals(images[i][p] > 0.5 ? 1.0 : -1.0, spins[i][p]);
            }
            assertArrayEquals(spins[i], digits.image(i).binarized().pixels());
        }
    }

    @Test
    void subsetsOfOneDigitKeepTheirOrder() {
        Digits threes = digits.ofLabel(3);
        assertTrue(threes.size() > 500);
        int seen = 0;
        for (int i = 0; i < digits.size() && seen < 5; i++) {
            if (digits.label(i) == 3) {
                assertArrayEquals(digits.image(i).pixels(), threes.image(seen).pixels());
                seen++;
            }
        }
        assertTrue(Arrays.stream(threes.labels(threes.size())).allMatch(l -> l == 3));
        assertEquals(3, threes.image(0).label());
        assertTrue(threes.toString().contains("showing 3"), threes.toString());
    }

    @Test
    void outOfRangeRequestsSayWhatIsAllowed() {
        assertEquals("image index 10000 is out of range: this set has 10000 images, numbered 0 to 9999",
                assertThrows(IllegalArgumentException.class, () -> digits.image(10_000)).getMessage());
        assertEquals("k must be between 1 and 10000 (the number of images in this set), got 0",
                assertThrows(IllegalArgumentException.class, () -> digits.images(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> digits.labels(10_001));
        assertThrows(IllegalArgumentException.class, () -> digits.label(-1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> digits.ofLabel(10)).getMessage()
                .contains("digit must be between 0 and 9, got 10"));
    }

    @Test
    void showsItselfInANotebook() {
        assertEquals("Digits: 10000 MNIST digits, 28x28, labels 0..9", digits.toString());
        var bundle = digits.mimeBundle();
        assertEquals(digits.toString(), bundle.get("text/plain"));
        String html = bundle.get("text/html");
        assertEquals(20, html.split("<img ", -1).length - 1, "twenty thumbnails");
    }
}
