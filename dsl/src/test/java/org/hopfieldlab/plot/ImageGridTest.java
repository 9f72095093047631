package org.hopfieldlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {

    private static final int GAP_RGB = 0x6f8fbf;

    private static double[][] randomImages(int count, int length, long seed) {
        Random random = new Random(seed);
        double[][] images = new double[count][length];
        for (double[] image : images) {
            for (int i = 0; i < length; i++) {
                image[i] = random.nextGaussian();
            }
        }
        return images;
    }

    @Test
    void gridSizeFollowsShapeScaleColumnsAndGaps() {
        // five 3 x 4 images, two per row: three grid rows; the longer side 4 is enlarged 21 times to reach 84
        ImageGrid grid = ImageGrid.of(randomImages(5, 12, 1), 3, 4, 2, null);
        assertEquals(21, grid.scale());
        assertEquals(2 * 4 * 21 + 3 * ImageGrid.GAP, grid.width());
        assertEquals(3 * 3 * 21 + 4 * ImageGrid.GAP, grid.height());
        assertEquals(grid.width(), grid.image().getWidth());
        assertEquals(grid.height(), grid.image().getHeight());

        ImageGrid mnist = ImageGrid.of(new double[8][784], 28, 28, 2, null);
        assertEquals(3, mnist.scale());
        assertEquals(2 * 84 + 3 * ImageGrid.GAP, mnist.width());
        assertEquals(4 * 84 + 5 * ImageGrid.GAP, mnist.height());
        assertEquals("image grid 4 x 2 of 28x28", mnist.toString());
    }

    @Test
    void everyPixelIsItsValueOnTheGridsGreyRange() {
        int rows = 3;
        int cols = 4;
        double[][] images = randomImages(5, rows * cols, 2);
        ImageGrid grid = ImageGrid.of(images, rows, cols, 2, null);
        BufferedImage img = grid.image();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double[] image : images) {
            for (double v : image) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        int s = grid.scale();
        int seenBlack = 0;
        int seenWhite = 0;
        for (int i = 0; i < images.length; i++) {
            int left = ImageGrid.GAP + (i % 2) * (cols * s + ImageGrid.GAP);
            int top = ImageGrid.GAP + (i / 2) * (rows * s + ImageGrid.GAP);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int expected = (int) Math.round((images[i][r * cols + c] - min) / (max - min) * 255);
                    seenBlack += expected == 0 ? 1 : 0;
                    seenWhite += expected == 255 ? 1 : 0;
                    // every enlarged pixel of the block, corners and middle
                    for (int[] d : new int[][] {{0, 0}, {s - 1, s - 1}, {s / 2, s / 3}}) {
                        int rgb = img.getRGB(left + c * s + d[0], top + r * s + d[1]) & 0xffffff;
                        assertEquals(expected << 16 | expected << 8 | expected, rgb,
                                "image " + i + " pixel (" + r + ", " + c + ")");
                    }
                }
            }
        }
        assertEquals(1, seenBlack, "the smallest value is black");
        assertEquals(1, seenWhite, "the largest value is white");
        assertEquals(GAP_RGB, img.getRGB(0, 0) & 0xffffff, "frame");
        assertEquals(GAP_RGB, img.getRGB(grid.width() - 1, grid.height() - 1) & 0xffffff, "empty sixth cell");
    }

    @Test
    void bipolarPatternsAreBlackAndWhiteWithMaskedPixelsGrey() {
        ImageGrid grid = ImageGrid.of(new double[][] {{-1, 0, 1, 1}}, 2, 2, 1, null);
        BufferedImage img = grid.image();
        int s = grid.scale();
        int[] greys = new int[4];
        for (int p = 0; p < 4; p++) {
            greys[p] = img.getRGB(ImageGrid.GAP + (p % 2) * s, ImageGrid.GAP + (p / 2) * s) & 0xff;
        }
        assertArrayEquals(new int[] {0, 128, 255, 255}, greys);
        BufferedImage flat = ImageGrid.of(new double[][] {{0.3, 0.3}}, 1, 2, 1, null).image();
        assertEquals(128, flat.getRGB(ImageGrid.GAP, ImageGrid.GAP) & 0xff, "a constant grid is mid grey");
    }

    @Test
    void savedPngReadsBackPixelForPixel(@TempDir Path dir) throws IOException {
        ImageGrid grid = ImageGrid.of(randomImages(3, 16, 3), 4, 4, 3, null);
        Path file = grid.savePng(dir.resolve("sub/grid.png"));
        assertEquals(dir.resolve("sub/grid.png"), file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(grid.width(), back.getWidth());
        assertEquals(grid.height(), back.getHeight());
        BufferedImage original = grid.image();
        for (int y = 0; y < back.getHeight(); y += 3) {
            for (int x = 0; x < back.getWidth(); x += 3) {
                assertEquals(original.getRGB(x, y), back.getRGB(x, y));
            }
        }
        assertArrayEquals(Files.readAllBytes(file), grid.png());
    }

    @Test
    void mimeBundleHoldsHtmlPngAndText() throws IOException {
        ImageGrid grid = ImageGrid.of(randomImages(2, 4, 4), 2, 2, 2, new String[] {"query <1>", "result"});
        Map<String, String> bundle = grid.mimeBundle();
        assertEquals(List.of("text/html", "image/png", "text/plain"), new ArrayList<>(bundle.keySet()));
        assertEquals("image grid 1 x 2 of 2x2", bundle.get("text/plain"));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(bundle.get("image/png"))));
        assertEquals(grid.width(), png.getWidth());
        String html = bundle.get("text/html");
        assertTrue(html.contains("query &lt;1&gt;"), "captions are escaped: " + html);
        assertTrue(html.contains(">result<"));
        assertEquals(2, html.split("data:image/png;base64,", -1).length - 1, "one small image per caption");

        String plain = ImageGrid.of(randomImages(2, 4, 4), 2, 2, 2, null).mimeBundle().get("text/html");
        assertEquals(1, plain.split("data:image/png;base64,", -1).length - 1);
    }

    @Test
    void imageReturnsACopy() {
        ImageGrid grid = ImageGrid.of(new double[][] {{0, 1}}, 1, 2, 1, null);
        int before = grid.image().getRGB(ImageGrid.GAP, ImageGrid.GAP);
        grid.image().setRGB(ImageGrid.GAP, ImageGrid.GAP, 0x123456);
        assertEquals(before, grid.image().getRGB(ImageGrid.GAP, ImageGrid.GAP));
    }
}
