package org.hopfieldlab.data;

import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hopfieldlab.display.RichDisplay;

/**
 * 10,000 real handwritten digits from MNIST, 28 x 28 pixels with their labels, embedded in the
 * library (see {@code DIGITS-SOURCE.md} beside the data for source and licence).
 *
 * <p>The classes are interleaved, so the first k digits hold every class in turn:
 * {@code images(10)} is one of each digit 0..9. A {@code Digits} is an immutable view; subsets such
 * as {@link #ofLabel(int)} share the pixel data.
 *
 * <pre>{@code
 * var mnist = Digits.load();
 * double[][] memories = mnist.binarized(100);   // 100 patterns of 784 values, +1/-1
 * Image cue = mnist.image(3).binarized().masked(0.5);
 * }</pre>
 */
public final class Digits implements RichDisplay {

    private static final String IMAGES = "digits-images-idx3-ubyte.gz";
    private static final String LABELS = "digits-labels-idx1-ubyte.gz";
    private static final int SHOWN_IN_NOTEBOOK = 20;

    private final byte[] pixels;
    private final byte[] labels;
    private final int rows;
    private final int cols;
    /** Which of the embedded digits this view shows, in order. */
    private final int[] members;
    private final String description;

    private Digits(byte[] pixels, byte[] labels, int rows, int cols, int[] members, String description) {
        this.pixels = pixels;
        this.labels = labels;
        this.rows = rows;
        this.cols = cols;
        this.members = members;
        this.description = description;
    }

    /** The embedded digits, read from the class path once and then shared. */
    public static Digits load() {
        return Embedded.DIGITS;
    }

    /** Lazy holder: the 1.6 MB resource is read on first use, once, thread-safely. */
    private static final class Embedded {
        static final Digits DIGITS = readEmbedded();
    }

    private static Digits readEmbedded() {
        IdxArray images = Idx.read(resource(IMAGES), IMAGES);
        IdxArray labels = Idx.read(resource(LABELS), LABELS);
        int[] shape = images.shape();
        int[] labelShape = labels.shape();
        if (images.type() != IdxArray.Type.UNSIGNED_BYTE || shape.length != 3 || labelShape.length != 1
                || labelShape[0] != shape[0]) {
            throw new IllegalStateException("the embedded digits are damaged: " + images + ", " + labels);
        }
        int[] all = new int[shape[0]];
        Arrays.setAll(all, i -> i);
        return new Digits(images.toByteArray(), labels.toByteArray(), shape[1], shape[2], all,
                "MNIST digits");
    }

    private static InputStream resource(String name) {
        InputStream in = Digits.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the embedded digit file " + name + " is missing from the class path "
                    + "(it ships inside the hopfieldlab-dsl jar; rebuild it with tools/data/make-digits.sh)");
        }
        return in;
    }

    /** Number of digits in this set (10,000 for the whole set). */
    public int size() {
        return members.length;
    }

    /** Image height: 28. */
    public int rows() {
        return rows;
    }

    /** Image width: 28. */
    public int cols() {
        return cols;
    }

    /** Pixels per image, {@code rows() * cols()}: 784. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** Digit {@code i} as an image with pixels in [0,1] (0 background, 1 full ink) and its label. */
    public Image image(int i) {
        checkIndex(i);
        return new Image(pixelsOf(members[i]), rows, cols, label(i), 0.0);
    }

    /** The first {@code k} digits as rows of 784 values in [0,1]: ready to store as patterns. */
    public double[][] images(int k) {
        checkCount(k);
        double[][] result = new double[k][];
        for (int i = 0; i < k; i++) {
            result[i] = pixelsOf(members[i]);
        }
        return result;
    }

    /** The first {@code k} digits as +1/-1 rows: a pixel above 0.5 becomes +1, the rest -1. */
    public double[][] binarized(int k) {
        checkCount(k);
        int length = pixelsPerImage();
        double[][] result = new double[k][length];
        for (int i = 0; i < k; i++) {
            int offset = members[i] * length;
            for (int p = 0; p < length; p++) {
                // byte b means b/255; b/255 > 0.5 exactly when b >= 128
                result[i][p] = (pixels[offset + p] & 0xFF) / 255.0 > 0.5 ? 1.0 : -1.0;
            }
        }
        return result;
    }

    /** The digit (0..9) that image {@code i} shows. */
    public int label(int i) {
        checkIndex(i);
        return labels[members[i]];
    }

    /** The labels of the first {@code k} digits. */
    public int[] labels(int k) {
        checkCount(k);
        int[] result = new int[k];
        for (int i = 0; i < k; i++) {
            result[i] = labels[members[i]];
        }
        return result;
    }

    /** Only the images of one digit, in their order here: {@code ofLabel(3).image(0)} is the first 3. */
    public Digits ofLabel(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("digit must be between 0 and 9, got " + digit);
        }
        int[] chosen = Arrays.stream(members).filter(m -> labels[m] == digit).toArray();
        if (chosen.length == 0) {
            throw new IllegalArgumentException("this set (" + this + ") has no image of the digit " + digit);
        }
        return new Digits(pixels, labels, rows, cols, chosen, description + " showing " + digit);
    }

    /** The first image of each digit 0..9 (those present in this set), in label order. */
    public Image[] firstOfEachDigit() {
        Image[] first = new Image[10];
        int found = 0;
        for (int i = 0; i < members.length && found < 10; i++) {
            int label = labels[members[i]];
            if (first[label] == null) {
                first[label] = image(i);
                found++;
            }
        }
        return Arrays.stream(first).filter(image -> image != null).toArray(Image[]::new);
    }

    /** One line, e.g. {@code Digits: 10000 MNIST digits, 28x28, labels 0..9}. */
    @Override
    public String toString() {
        return "Digits: " + size() + " " + description + ", " + rows + "x" + cols + ", labels 0..9";
    }

    /** In a notebook: the first few digits side by side, with their labels. */
    @Override
    public Map<String, String> mimeBundle() {
        StringBuilder html = new StringBuilder("<div><p>").append(toString()).append("</p><div>");
        for (int i = 0; i < Math.min(SHOWN_IN_NOTEBOOK, size()); i++) {
            String img = image(i).mimeBundle().get("text/html");
            html.append("<figure style=\"display:inline-block;margin:2px;text-align:center\">").append(img)
                    .append("<figcaption>").append(label(i)).append("</figcaption></figure>");
        }
        html.append("</div></div>");
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html.toString());
        bundle.put("text/plain", toString());
        return bundle;
    }

    private double[] pixelsOf(int member) {
        int length = pixelsPerImage();
        int offset = member * length;
        double[] values = new double[length];
        for (int p = 0; p < length; p++) {
            values[p] = (pixels[offset + p] & 0xFF) / 255.0;
        }
        return values;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size()) {
            throw new IllegalArgumentException("image index " + i + " is out of range: this set has " + size()
                    + " images, numbered 0 to " + (size() - 1));
        }
    }

    private void checkCount(int k) {
        if (k < 1 || k > size()) {
            throw new IllegalArgumentException("k must be between 1 and " + size() + " (the number of images in "
                    + "this set), got " + k);
        }
    }
}
