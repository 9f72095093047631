package org.hopfieldlab.kernel;

/**
 * The {@code display(...)} functions of a notebook cell: show a value now, in the middle of the cell,
 * as a Jupyter {@code display_data} output.
 *
 * <p>Every session imports these statically, so a cell just writes {@code display(table)}.
 */
public final class NotebookDisplay {

    /** Where displayed values go; set by the kernel (or a test) for the running session. */
    public interface Sink {
        /** Publishes one MIME bundle ({@code text/plain} always present). */
        void publish(java.util.Map<String, String> mimeBundle);
    }

    private static volatile Sink sink;
    private static volatile MimeRenderer renderer = new MimeRenderer();

    private NotebookDisplay() {
    }

    /** Connects {@code display(...)} to a session's output and renderer. */
    public static void connect(Sink newSink, MimeRenderer newRenderer) {
        sink = newSink;
        renderer = newRenderer;
    }

    /** Shows the value with its richest representation (HTML table, plot, RichDisplay bundle, text). */
    public static void display(Object value) {
        publish(renderer.render(value));
    }

    /**
     * Shows the value as the given MIME type only (plus {@code text/plain}).
     *
     * @throws IllegalArgumentException when the value cannot be shown as that type
     */
    public static void display(Object value, String mimeType) {
        publish(renderer.render(value, mimeType));
    }

    private static void publish(java.util.Map<String, String> bundle) {
        Sink current = sink;
        if (current == null) {
            System.out.println(bundle.get("text/plain"));
        } else {
            current.publish(bundle);
        }
    }
}
