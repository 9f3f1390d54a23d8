package io.chainretail.hq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.core.docs.ConsolePages;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** HQ's console pages share their header, navigation and money, and each has one heading. */
class ConsolePagesTest {

    @Test
    void everyPageHasItsHeadingAndTheSharedScripts() throws Exception {
        assertEquals("", ConsolePages.problems(Path.of("src/main/resources/META-INF/resources")));
    }
}
