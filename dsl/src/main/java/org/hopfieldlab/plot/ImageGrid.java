package org.hopfieldlab.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hopfieldlab.display.RichDisplay;

/**
 * Small grey images (patterns reshaped to rows x cols) laid out in a grid, as one PNG.
 *
 * <p>Grey levels: the smallest value in the whole grid is black, the largest white, linearly in
 * between (one range for the grid, so a faint query and a crisp result are compared honestly; a
 * grid of one constant value is mid grey). For bipolar patterns -1 is black and +1 white; a masked
 * 0 is grey. Each image is enlarged by a whole factor so that its longer side is at least
 * {@value #MIN_TILE_SIDE} pixels, with a {@value #GAP}-pixel blue-grey frame between images.
 *
 * <p>The PNG holds no text, so its size is exact and it renders without fonts; the notebook HTML
 * shows the captions above the images.
 */
public final class ImageGrid implements RichDisplay {

    /** An image is scaled up until its longer side reaches this many pixels (28 x 28 becomes 84 x 84). */
    public static final int MIN_TILE_SIDE = 84;
    /** Frame width between images, in pixels. */
    public static final int GAP = 4;
    private static final int GAP_RGB = 0x6f8fbf;

    private final BufferedImage image;
    private final int count;
    private final int rows;
    private final int cols;
    private final int columns;
    private final int scale;
    private final String[] captions;

    private ImageGrid(BufferedImage image, int count, int rows, int cols, int columns, int scale, String[] captions) {
        this.image = image;
        this.count = count;
        this.rows = rows;
        this.cols = cols;
        this.columns = columns;
        this.scale = scale;
        this.captions = captions;
    }

    /**
     * A grid of images.
     *
     * @param images one pattern per row, each {@code rows * cols} values in row-major order
     * @param rows image height in pixels before scaling
     * @param cols image width in pixels before scaling
     * @param columns images per grid row, 1 up to the number of images
     * @param captions one caption per image (shown in the notebook HTML), or {@code null}
     */
    public static ImageGrid of(double[][] images, int rows, int cols, int columns, String[] captions) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("image shape must be at least 1 x 1, got " + rows + " x " + cols);
        }
        int length = Check.rectangular(images, "images", "image", "pixel");
        if (length != rows * cols) {
            throw new IllegalArgumentException("images have " + length + " values, but shape " + rows + " x " + cols
                    + " needs " + (rows * cols));
        }
        if (columns < 1 || columns > images.length) {
            throw new IllegalArgumentException("columns must be between 1 and " + images.length
                    + " (the number of images), got " + columns);
        }
        String[] names = Check.labels(captions, images.length, "captions", "image");

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] img : images) {
            for (double v : img) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        int scale = Math.max(1, (MIN_TILE_SIDE + Math.max(rows, cols) - 1) / Math.max(rows, cols));
        int gridRows = (images.length + columns - 1) / columns;
        int width = columns * cols * scale + (columns + 1) * GAP;
        int height = gridRows * rows * scale + (gridRows + 1) * GAP;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, GAP_RGB);
            }
        }
        for (int i = 0; i < images.length; i++) {
            int left = GAP + (i % columns) * (cols * scale + GAP);
            int top = GAP + (i / columns) * (rows * scale + GAP);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int grey = grey(images[i][r * cols + c], min, max);
                    int rgb = grey << 16 | grey << 8 | grey;
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            out.setRGB(left + c * scale + dx, top + r * scale + dy, rgb);
                        }
                    }
                }
            }
        }
        return new ImageGrid(out, images.length, rows, cols, columns, scale, names == null ? null : names.clone());
    }

    /** Grey level 0..255 of a value, with the grid's min mapped to 0 and max to 255. */
    static int grey(double value, double min, double max) {
        if (max == min) {
            return 128;
        }
        return (int) Math.round(255 * (value - min) / (max - min));
    }

    /** A copy of the grid image. */
    public BufferedImage image() {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        copy.setData(image.getData());
        return copy;
    }

    /** Width of the grid image in pixels. */
    public int width() {
        return image.getWidth();
    }

    /** Height of the grid image in pixels. */
    public int height() {
        return image.getHeight();
    }

    /** How many times each image pixel is enlarged. */
    public int scale() {
        return scale;
    }

    /** Number of images in the grid. */
    public int size() {
        return count;
    }

    /** Writes the grid as a PNG file (parent folders are created) and returns {@code file}. */
    public Path savePng(Path file) {
        Check.notNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, png(image));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write image grid to " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The grid as PNG bytes. */
    public byte[] png() {
        return png(image);
    }

    /** HTML (with captions when given), PNG as base64, and a one-line text summary. */
    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html());
        bundle.put("image/png", base64(image));
        bundle.put("text/plain", toString());
        return bundle;
    }

    private String html() {
        if (captions == null) {
            return "<img src=\"data:image/png;base64," + base64(image) + "\" width=\"" + width() + "\" height=\""
                    + height() + "\" alt=\"" + toString() + "\">";
        }
        // One small image per cell so each caption sits over its own picture whatever the font.
        StringBuilder html = new StringBuilder();
        html.append("<div style=\"display:inline-grid;grid-template-columns:repeat(").append(columns)
                .append(",auto);gap:").append(GAP).append("px;padding:").append(GAP)
                .append("px;background:#").append(Integer.toHexString(GAP_RGB)).append("\">");
        int tileWidth = cols * scale;
        int tileHeight = rows * scale;
        for (int i = 0; i < count; i++) {
            int left = GAP + (i % columns) * (tileWidth + GAP);
            int top = GAP + (i / columns) * (tileHeight + GAP);
            BufferedImage tile = image.getSubimage(left, top, tileWidth, tileHeight);
            html.append("<figure style=\"margin:0;background:#fff;text-align:center\">")
                    .append("<figcaption style=\"font:12px sans-serif;padding:2px;max-width:").append(tileWidth)
                    .append("px;overflow:hidden;white-space:nowrap\">")
                    .append(StandaloneHtml.escapeHtml(captions[i])).append("</figcaption>")
                    .append("<img style=\"display:block\" src=\"data:image/png;base64,").append(base64(tile))
                    .append("\" width=\"").append(tileWidth).append("\" height=\"").append(tileHeight)
                    .append("\" alt=\"").append(StandaloneHtml.escapeHtml(captions[i])).append("\"></figure>");
        }
        html.append("</div>");
        return html.toString();
    }

    private static byte[] png(BufferedImage img) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String base64(BufferedImage img) {
        return Base64.getEncoder().encodeToString(png(img));
    }

    /** For example {@code image grid 4 x 2 of 28x28}: grid rows x grid columns of image rows x cols. */
    @Override
    public String toString() {
        int gridRows = (count + columns - 1) / columns;
        return "image grid " + gridRows + " x " + columns + " of " + rows + "x" + cols;
    }
}
