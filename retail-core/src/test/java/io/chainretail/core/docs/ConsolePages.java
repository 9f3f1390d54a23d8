package io.chainretail.core.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Holds a console's HTML pages to the shape they share: one {@code <h1>} each, and every page behind the sign-in
 * gets its header, navigation and money from the shared scripts ({@code /common/console.js},
 * {@code /common/money.js}) rather than a copy of its own.
 */
public final class ConsolePages {

    private static final Pattern H1 = Pattern.compile("<h1[ >]");

    private ConsolePages() {
    }

    /** What is wrong with the pages in {@code dir}, one line each; empty when nothing is. */
    public static String problems(Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> pages = Files.list(dir)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String html = Files.readString(page);
                String name = page.getFileName().toString();
                Matcher h1 = H1.matcher(html);
                int count = 0;
                while (h1.find()) {
                    count++;
                }
                if (count != 1) {
                    problems.add(name + " has " + count + " <h1>");
                }
                if (!name.equals("signin.html") && !(html.contains("<header></header>")
                        && html.contains("/common/console.js") && html.contains("/common/money.js"))) {
                    problems.add(name + " does not take its header and money from the shared scripts");
                }
            }
        }
        return String.join("\n", problems);
    }
}
