package org.hopfieldlab.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import tech.tablesaw.plotly.components.Figure;

/** Writes a figure as one HTML page with plotly.js inlined from its webjar, so it opens offline. */
final class StandaloneHtml {

    /** The div the figure draws into; Tablesaw derives a JavaScript variable from it, so it is an identifier. */
    static final String DIV_ID = "hopfieldlab_figure";

    private static final String WEBJAR = "META-INF/resources/webjars/plotly.js-dist/";
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars.npm/plotly.js-dist/pom.properties";

    private StandaloneHtml() {}

    static String of(Figure figure) {
        String title = figure.getLayout() == null || figure.getLayout().getTitle().isBlank()
                ? "HopfieldLab figure" : figure.getLayout().getTitle().replace("\\\\", "\\");
        return "<!DOCTYPE html>\n"
                + "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + escapeHtml(title) + "</title>\n"
                + "<script>\n" + Plotly.SCRIPT + "\n</script>\n"
                + "</head>\n<body>\n"
                + figure.divString(DIV_ID)
                + figure.asJavascript(DIV_ID)
                + "\n</body>\n</html>\n";
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Loaded once, on first use: 10 MB that most sessions never need. */
    private static final class Plotly {
        static final String SCRIPT = load();

        private static String load() {
            ClassLoader loader = StandaloneHtml.class.getClassLoader();
            Properties pom = new Properties();
            try (InputStream in = loader.getResourceAsStream(WEBJAR_POM)) {
                if (in == null) {
                    throw new IllegalStateException("plotly.js is not on the class path: add the dependency "
                            + "org.webjars.npm:plotly.js-dist (2.x) to save figures as standalone HTML");
                }
                pom.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + WEBJAR_POM, e);
            }
            String path = WEBJAR + pom.getProperty("version") + "/plotly.js";
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("plotly.js webjar found but " + path + " is missing in it");
                }
                // A "</script" inside the library would end the inline script early; "<\/" means the same to JavaScript.
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
    }
}
