package org.hopfieldlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The warm-up really runs the messaging code: a failure inside would end it silently, so count the exchanges. */
class MessagePathWarmUpTest {

    @Test
    void exchangesTheAskedNumberOfNotebookShapedMessages() {
        assertEquals(25, MessagePathWarmUp.run(() -> true, 25));
    }

    @Test
    void stopsAsSoonAsItIsToldTo() {
        AtomicInteger asked = new AtomicInteger();
        assertEquals(3, MessagePathWarmUp.run(() -> asked.incrementAndGet() <= 3, 1_000));
    }
}
