package org.hopfieldlab.kernel;

/** The first sentence of a Javadoc comment, with its HTML tags and inline tags made plain. */
final class JavadocSummary {
    private JavadocSummary() {
    }

    static String firstSentence(String javadoc) {
        if (javadoc == null || javadoc.isBlank()) {
            return "";
        }
        String body = javadoc.split("\n\\s*@", 2)[0];
        String plain = body.replaceAll("\\{@(?:code|link|linkplain|literal)\\s+([^}]*)}", "$1")
                .replaceAll("<[^>]+>", "")
                .replaceAll("\\s+", " ")
                .strip();
        int end = plain.indexOf(". ");
        return end < 0 ? plain : plain.substring(0, end + 1);
    }
}
