package org.hopfieldlab.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hopfieldlab.display.RichDisplay;
import org.hopfieldlab.model.AsVector;

/**
 * A picture stored row by row: a real digit, or any pattern shown as an image.
 *
 * <p>Two value conventions are common and both display the same way (ink dark on white): pixels in
 * [0,1] with background 0 (the digits as loaded), and +1/-1 spins with background -1 (after
 * {@link #binarized()}). Any other range is stretched from its smallest to its largest value.
 *
 * <p>Immutable: every transformation returns a new image and the pixel array is copied in and out.
 *
 * @param pixels     row-major values, {@code rows * cols} of them, all finite
 * @param rows       height in pixels
 * @param cols       width in pixels
 * @param label      the digit it shows, or -1 when it has none
 * @param background the value of an empty pixel; {@link #masked(double)} writes it
 */
public record Image(double[] pixels, int rows, int cols, int label, double background)
        implements AsVector, RichDisplay {

    /** The displayed image is at least this many screen pixels on its longer side. */
    private static final int DISPLAY_SIZE = 112;

    /** Validates the shape and copies the pixels. */
    public Image {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException(
                    "an image needs at least 1 row and 1 column, got " + rows + " x " + cols);
        }
        if (pixels == null) {
            throw new IllegalArgumentException("pixels must not be null");
        }
        if (pixels.length != (long) rows * cols) {
            throw new IllegalArgumentException("pixels has " + pixels.length + " values, a " + rows + " x "
                    + cols + " image needs " + (long) rows * cols);
        }
        for (int i = 0; i < pixels.length; i++) {
            if (!Double.isFinite(pixels[i])) {
                throw new IllegalArgumentException("pixel " + i + " (row " + i / cols + ", column " + i % cols
                        + ") is " + pixels[i] + "; pixels must be finite");
            }
        }
        if (label < -1) {
            throw new IllegalArgumentException("label must be -1 (no label) or zero or more, got " + label);
        }
        Checks.finite("background", background);
        pixels = pixels.clone();
    }

    /**
     * Shows any pattern as an image, without a label. The background is 0 when no value is negative
     * and -1 otherwise (the +1/-1 convention).
     *
     * @param values row-major values, {@code rows * cols} of them
     */
    public static Image of(double[] values, int rows, int cols) {
        if (values == null) {
            throw new IllegalArgumentException("values must not be null");
        }
        double background = Arrays.stream(values).anyMatch(v -> v < 0) ? -1.0 : 0.0;
        return new Image(values, rows, cols, -1, background);
    }

    /**
     * Other values in this image's shape, label and background: a network's recalled state shown like
     * the cue it started from, e.g. {@code cue.withPixels(recall.state())}.
     *
     * @param values row-major values, {@code rows * cols} of them
     */
    public Image withPixels(double[] values) {
        return new Image(values, rows, cols, label, background);
    }

    /**
     * Images side by side, e.g. original, cue and recall, separated by a blank column. Each is drawn
     * with its own grey scale, so the result holds ink levels in [0,1] (background 0) and no label.
     *
     * @param images at least one, all with the same number of rows
     */
    public static Image row(Image... images) {
        if (images == null || images.length == 0) {
            throw new IllegalArgumentException("row needs at least one image");
        }
        int height = images[0].rows;
        int width = -1;
        for (int i = 0; i < images.length; i++) {
            if (images[i] == null) {
                throw new IllegalArgumentException("image " + i + " is null");
            }
            if (images[i].rows != height) {
                throw new IllegalArgumentException("image " + i + " has " + images[i].rows
                        + " rows, image 0 has " + height + "; images in a row need the same height");
            }
            width += images[i].cols + 1;
        }
        double[] ink = new double[height * width];
        int left = 0;
        for (Image image : images) {
            double[] range = image.displayRange();
            double span = range[1] - range[0];
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < image.cols; c++) {
                    double value = image.pixels[r * image.cols + c];
                    ink[r * width + left + c] = span > 0 ? (value - range[0]) / span : 0.0;
                }
            }
            left += image.cols + 1;
        }
        return new Image(ink, height, width, -1, 0.0);
    }

    /** A copy of the pixels, row by row. */
    @Override
    public double[] pixels() {
        return pixels.clone();
    }

    /** A copy of the pixels, row by row: the state a network receives. */
    @Override
    public double[] toArray() {
        return pixels.clone();
    }

    /** The value of one pixel; row 0 is the top. */
    public double pixel(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IllegalArgumentException("pixel (" + row + ", " + col + ") is outside the " + rows + " x "
                    + cols + " image; rows go from 0 to " + (rows - 1) + ", columns from 0 to " + (cols - 1));
        }
        return pixels[row * cols + col];
    }

    /**
     * The +1/-1 form with background -1: a pixel becomes +1 when it lies above the midpoint between the
     * background and full ink 1 (so above 0.5 for a [0,1] digit, above 0 for a +1/-1 image).
     */
    public Image binarized() {
        double threshold = (background + 1.0) / 2.0;
        double[] spins = new double[pixels.length];
        for (int i = 0; i < spins.length; i++) {
            spins[i] = pixels[i] > threshold ? 1.0 : -1.0;
        }
        return new Image(spins, rows, cols, label, -1.0);
    }

    /**
     * Hides the lower {@code round(fraction * rows)} rows by setting them to the background: the
     * classic "complete the picture" cue. Fraction 0.5 hides the lower half.
     *
     * @param fraction share of rows to hide, between 0 and 1
     */
    public Image masked(double fraction) {
        Checks.fraction("fraction", fraction);
        int hiddenRows = Checks.share(fraction, rows);
        double[] masked = pixels.clone();
        Arrays.fill(masked, (rows - hiddenRows) * cols, masked.length, background);
        return new Image(masked, rows, cols, label, background);
    }

    /**
     * Flips exactly {@code round(fraction * rows * cols)} pixels of a +1/-1 image, chosen at random.
     *
     * @param fraction share of pixels to flip, between 0 and 1
     * @see Corruption#flip(double[], double, long)
     */
    public Image flipped(double fraction, long seed) {
        return new Image(Corruption.flip(pixels, fraction, seed), rows, cols, label, background);
    }

    /**
     * Adds Gaussian noise with standard deviation {@code sigma} to every pixel (not clipped).
     *
     * @see Corruption#noise(double[], double, long)
     */
    public Image noisy(double sigma, long seed) {
        return new Image(Corruption.noise(pixels, sigma, seed), rows, cols, label, background);
    }

    /** The image at one screen pixel per value, grey levels with ink dark on white. */
    public BufferedImage toBufferedImage() {
        return toBufferedImage(1);
    }

    /**
     * The image with each value drawn as a {@code scale x scale} block of screen pixels.
     *
     * @param scale block size, at least 1
     */
    public BufferedImage toBufferedImage(int scale) {
        Checks.count("scale", scale);
        if ((long) rows * scale > 16384 || (long) cols * scale > 16384) {
            throw new IllegalArgumentException("scale " + scale + " makes a " + rows + " x " + cols
                    + " image larger than 16384 screen pixels on a side");
        }
        // ImageIO and BufferedImage need no display; the flag stops AWT from looking for one
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        double[] range = displayRange();
        double span = range[1] - range[0];
        BufferedImage image = new BufferedImage(cols * scale, rows * scale, BufferedImage.TYPE_BYTE_GRAY);
        var raster = image.getRaster();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double ink = span > 0 ? (pixels[r * cols + c] - range[0]) / span : 0.0;
                int grey = (int) Math.round(255.0 * (1.0 - ink));
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        raster.setSample(c * scale + dx, r * scale + dy, 0, grey);
                    }
                }
            }
        }
        return image;
    }

    /** Writes the image as a PNG file at the size a notebook shows it (a 28 x 28 digit becomes 112 x 112). */
    public void savePng(Path path) {
        DataFiles.checkWritable(path);
        try {
            if (!ImageIO.write(toBufferedImage(displayScale()), "png", path.toFile())) {
                throw new IllegalStateException("no PNG writer is available in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot write the PNG file: " + e.getMessage(), e);
        }
    }

    /** Plain text for JShell, a PNG and an HTML {@code <img>} (crisp pixels) for notebooks. */
    @Override
    public Map<String, String> mimeBundle() {
        String png = Base64.getEncoder().encodeToString(pngBytes());
        int scale = displayScale();
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", "<img src=\"data:image/png;base64," + png + "\" width=\"" + cols * scale
                + "\" height=\"" + rows * scale + "\" style=\"image-rendering: pixelated\" alt=\""
                + toString() + "\">");
        bundle.put("image/png", png);
        bundle.put("text/plain", toString());
        return bundle;
    }

    /** One line: shape, label and value range, e.g. {@code Image 28x28, label 7, values in [0, 1]}. */
    @Override
    public String toString() {
        double[] range = valueRange();
        return "Image " + rows + "x" + cols + (label >= 0 ? ", label " + label : "") + ", values in ["
                + compact(range[0]) + ", " + compact(range[1]) + "]";
    }

    /** Arrays compare by content, so two images with the same pixels are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Image that && rows == that.rows && cols == that.cols && label == that.label
                && Double.compare(background, that.background) == 0 && Arrays.equals(pixels, that.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(pixels) + rows) + cols) + label;
    }

    private byte[] pngBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(toBufferedImage(displayScale()), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the image as PNG", e);
        }
        return out.toByteArray();
    }

    private int displayScale() {
        int longer = Math.max(rows, cols);
        return Math.max(1, (DISPLAY_SIZE + longer - 1) / longer);
    }

    private double[] valueRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : pixels) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {min, max};
    }

    /** [0,1] and [-1,1] images keep their meaning (0 and -1 white, 1 black); others are stretched. */
    private double[] displayRange() {
        double[] range = valueRange();
        if (range[0] >= 0.0 && range[1] <= 1.0) {
            return new double[] {0.0, 1.0};
        }
        if (range[0] >= -1.0 && range[1] <= 1.0) {
            return new double[] {-1.0, 1.0};
        }
        return range;
    }

    private static String compact(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(java.util.Locale.ROOT, "%.3g", value);
    }
}
