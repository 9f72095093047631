package org.hopfieldlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavadocSummaryTest {

    @Test
    void keepsTheFirstSentenceInPlainText() {
        String javadoc = "Returns the greater of two {@code int} values. That is, the result is the argument\n"
                + " closer to the value of {@link Integer#MAX_VALUE}.\n@param a an argument\n@return the larger";
        assertEquals("Returns the greater of two int values.", JavadocSummary.firstSentence(javadoc));
    }

    @Test
    void dropsHtmlAndTagsAndSurvivesNothing() {
        assertEquals("Energy of the state", JavadocSummary.firstSentence("<p>Energy of the <i>state</i>\n@return energy"));
        assertEquals("", JavadocSummary.firstSentence(null));
    }
}
