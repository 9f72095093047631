package org.hopfieldlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTest {

    private final Image digit = Digits.load().image(7);

    @Test
    void maskedHidesExactlyTheLowerRowsAndKeepsTheRest() {
        double[] original = digit.pixels();
        double[] masked = digit.masked(0.5).pixels();
        for (int p = 0; p < 784; p++) {
            assertEquals(p < 14 * 28 ? original[p] : 0.0, masked[p], "pixel " + p);
        }
        Image spins = digit.binarized();
        double[] maskedSpins = spins.masked(0.25).pixels();
        for (int p = 21 * 28; p < 784; p++) {
            assertEquals(-1.0, maskedSpins[p], "a +1/-1 image is masked with its background -1");
        }
        assertArrayEquals(original, digit.masked(0).pixels());
        assertTrue(java.util.Arrays.stream(digit.masked(1).pixels()).allMatch(v -> v == 0.0));
    }

    @Test
    void binarizedUsesTheMidpointBetweenBackgroundAndInk() {
        Image image = new Image(new double[] {0.2, 0.5, 0.51, 1.0}, 2, 2, 4, 0.0);
        Image spins = image.binarized();
        assertArrayEquals(new double[] {-1, -1, 1, 1}, spins.pixels());
        assertEquals(-1.0, spins.background());
        assertEquals(4, spins.label());
        Image noisySpins = new Image(new double[] {-0.9, -0.1, 0.1, 1.3}, 2, 2, -1, -1.0);
        assertArrayEquals(new double[] {-1, -1, 1, 1}, noisySpins.binarized().pixels());
        assertEquals(spins, spins.binarized(), "binarizing twice changes nothing");
    }

    @Test
    void flippedChangesExactlyTheRequestedShareAndIsSeeded() {
        Image spins = digit.binarized();
        Image flipped = spins.flipped(0.1, 5);
        int changed = 0;
        for (int p = 0; p < 784; p++) {
            changed += spins.pixels()[p] != flipped.pixels()[p] ? 1 : 0;
        }
        assertEquals(Math.round(0.1 * 784), changed);
        assertEquals(flipped, spins.flipped(0.1, 5));
        assertNotEquals(flipped, spins.flipped(0.1, 6));
        String message = assertThrows(IllegalArgumentException.class, () -> digit.flipped(0.1, 5)).getMessage();
        assertTrue(message.contains("needs a +1/-1 pattern") && message.contains("binarized()"), message);
    }

    @Test
    void noisyAddsSeededNoiseWithoutClipping() {
        Image noisy = digit.noisy(0.3, 11);
        assertEquals(noisy, digit.noisy(0.3, 11));
        double[] before = digit.pixels();
        double[] after = noisy.pixels();
        double sum = 0;
        double squares = 0;
        boolean leftRange = false;
        for (int p = 0; p < 784; p++) {
            double d = after[p] - before[p];
            sum += d;
            squares += d * d;
            leftRange |= after[p] < 0 || after[p] > 1;
        }
        double mean = sum / 784;
        double sd = Math.sqrt(squares / 784 - mean * mean);
        // mean of 784 N(0, 0.09) draws has standard error 0.3/28; the sample sd has relative error 1/sqrt(2*784)
        assertEquals(0.0, mean, 5 * 0.3 / 28);
        assertEquals(0.3, sd, 5 * 0.3 / Math.sqrt(2 * 784));
        assertTrue(leftRange, "noise is not clipped to [0,1]");
    }

    @Test
    void pngShowsInkDarkOnWhiteAtFourTimesTheSize() throws IOException {
        double[] values = new double[28 * 28];
        values[0] = 1.0;   // full ink at the top-left pixel
        values[29] = 0.5;  // half ink at row 1, column 1
        Image image = Image.of(values, 28, 28);
        String png = image.mimeBundle().get("image/png");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png)));
        assertEquals(112, decoded.getWidth());
        assertEquals(112, decoded.getHeight());
        assertEquals(0, decoded.getRaster().getSample(3, 3, 0), "ink is black, drawn as a 4x4 block");
        assertEquals(255, decoded.getRaster().getSample(4, 0, 0), "background is white");
        assertEquals(128, decoded.getRaster().getSample(5, 6, 0), "half ink is mid grey");
        assertEquals(28, image.toBufferedImage().getWidth());

        Image spins = Image.of(new double[] {-1, 1, 1, -1}, 2, 2);
        BufferedImage small = spins.toBufferedImage();
        assertEquals(255, small.getRaster().getSample(0, 0, 0), "-1 is background");
        assertEquals(0, small.getRaster().getSample(1, 0, 0), "+1 is ink");
    }

    @Test
    void htmlEmbedsThePngAndPlainTextIsOneLine() {
        var bundle = digit.mimeBundle();
        assertTrue(bundle.get("text/html").contains("data:image/png;base64," + bundle.get("image/png")));
        assertEquals("Image 28x28, label " + digit.label() + ", values in [0, 1]", bundle.get("text/plain"));
        assertEquals("Image 2x2, values in [-1, 1]", Image.of(new double[] {-1, 1, 1, -1}, 2, 2).toString());
    }

    @Test
    void savePngWritesAReadableFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("seven.png");
        digit.savePng(file);
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(112, read.getWidth());
        assertEquals(digit.toBufferedImage(4).getRaster().getSample(50, 60, 0), read.getRaster().getSample(50, 60, 0));
    }

    @Test
    void isImmutableAndComparesByContent() {
        double[] values = {0, 1, 0, 1};
        Image image = Image.of(values, 2, 2);
        values[0] = 1;
        assertEquals(0.0, image.pixels()[0], "the constructor copies");
        image.pixels()[1] = 7;
        assertEquals(1.0, image.toArray()[1], "the accessor copies");
        assertEquals(Image.of(new double[] {0, 1, 0, 1}, 2, 2), image);
        assertEquals(Image.of(new double[] {0, 1, 0, 1}, 2, 2).hashCode(), image.hashCode());
        assertEquals(1.0, image.pixel(0, 1));
        assertEquals(0.0, image.background());
        assertEquals(-1.0, Image.of(new double[] {-1, 1}, 1, 2).background());
    }

    @Test
    void withPixelsKeepsShapeLabelAndBackground() {
        Image cue = digit.binarized().masked(0.5);
        Image shown = cue.withPixels(digit.binarized().pixels());
        assertEquals(digit.binarized(), shown);
        assertThrows(IllegalArgumentException.class, () -> cue.withPixels(new double[10]));
    }

    @Test
    void rowPlacesImagesSideBySideOnOneInkScale() {
        Image first = Image.of(new double[] {0, 1, 0.5, 0}, 2, 2);
        Image second = Image.of(new double[] {-1, 1}, 2, 1);
        Image row = Image.row(first, second);
        assertEquals(2, row.rows());
        assertEquals(4, row.cols());
        // [0,1] keeps its values; the +1/-1 image maps -1 to 0 ink and +1 to full ink; a blank column between
        assertArrayEquals(new double[] {0, 1, 0, 0, 0.5, 0, 0, 1}, row.pixels());
        assertEquals("image 1 has 2 rows, image 0 has 28; images in a row need the same height",
                assertThrows(IllegalArgumentException.class, () -> Image.row(digit, first)).getMessage());
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("pixels has 783 values, a 28 x 28 image needs 784",
                assertThrows(IllegalArgumentException.class, () -> Image.of(new double[783], 28, 28)).getMessage());
        assertEquals("fraction must be between 0 and 1, got 1.5",
                assertThrows(IllegalArgumentException.class, () -> digit.masked(1.5)).getMessage());
        assertEquals("sigma must be zero or positive and finite, got -0.1",
                assertThrows(IllegalArgumentException.class, () -> digit.noisy(-0.1, 1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Image.of(new double[] {0, Double.NaN}, 1, 2))
                .getMessage().contains("pixel 1 (row 0, column 1) is NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> digit.pixel(28, 0)).getMessage()
                .contains("rows go from 0 to 27"));
        assertThrows(IllegalArgumentException.class, () -> new Image(new double[1], 1, 1, -2, 0));
        assertThrows(IllegalArgumentException.class, () -> Image.of(new double[0], 0, 0));
    }
}
