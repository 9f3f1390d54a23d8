package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** e2e/README.md's table names every end-to-end test there is, and none that is not. */
class ReadmeTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+IT)` \\|");

    @Test
    void theReadmeListsEveryEndToEndTest() throws IOException {
        SortedSet<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                listed.add(row.group(1));
            }
        }
        SortedSet<String> tests;
        try (Stream<Path> files = Files.list(Path.of("src/test/java/io/chainretail/e2e"))) {
            tests = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("IT.java"))
                    .map(n -> n.substring(0, n.length() - ".java".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(tests, listed, "e2e/README.md's table against the *IT classes");
    }
}
