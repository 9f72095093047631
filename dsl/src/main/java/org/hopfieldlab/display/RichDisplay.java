package org.hopfieldlab.display;

import java.util.Map;

/**
 * How a HopfieldLab object shows itself in a notebook, without the library knowing about Jupyter.
 *
 * <p>The kernel asks every cell result (and every argument of {@code display(...)}) whether it is a
 * {@code RichDisplay}; when it is, the returned bundle becomes the Jupyter MIME bundle as it is.
 *
 * <p>Contract: keys are MIME types; {@code "text/plain"} is always present (it is what JShell and
 * plain Java print). Text types ({@code text/html}, {@code text/latex}, {@code text/markdown},
 * {@code image/svg+xml}, {@code application/json}) hold their text; binary types such as
 * {@code image/png} hold base64 without line breaks. HTML must be self-contained: no network
 * access, no external scripts except plotly, which the kernel inlines once per session (HTML that
 * needs plotly calls the global {@code Plotly}).
 */
public interface RichDisplay {

    /** MIME type to content; ordered by preference, {@code text/plain} always among them. */
    Map<String, String> mimeBundle();
}
