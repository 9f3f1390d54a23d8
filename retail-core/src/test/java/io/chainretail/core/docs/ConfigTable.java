package io.chainretail.core.docs;

import io.chainretail.core.config.ConfigKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An application's configuration keys as its {@code @ConfigMapping} interface declares them, and as its README's
 * configuration table documents them, so a test can hold the two together. A map's key is written {@code *}
 * ({@code agent.lanes."<lane>".printer} is {@code agent.lanes.*.printer}).
 */
public final class ConfigTable {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private ConfigTable() {
    }

    /** Every key the mapping interface {@code mapping} declares under {@code prefix}. */
    public static SortedSet<String> declared(Class<?> mapping, String prefix) {
        return ConfigKeys.declared(mapping, prefix);
    }

    /**
     * Every key under {@code prefix} named in the first cell of a table row of {@code readme}. A cell may name
     * several, {@code `agent.mqtt.username` / `agent.mqtt.password`} or, beside their first, by their last part
     * alone: {@code `agent.mqtt.trust-store` / `trust-store-password`}.
     */
    public static SortedSet<String> documented(Path readme, String prefix) throws IOException {
        SortedSet<String> keys = new TreeSet<>();
        for (String line : Files.readAllLines(readme)) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String cell = line.substring(1, line.indexOf('|', 1));
            List<String> names = new ArrayList<>();
            Matcher m = CODE.matcher(cell);
            while (m.find()) {
                names.add(placeholdersAsStars(m.group(1)));
            }
            if (names.isEmpty() || !names.get(0).startsWith(prefix + ".")) {
                continue;
            }
            String first = names.get(0);
            String parent = first.substring(0, first.lastIndexOf('.') + 1);
            for (String name : names) {
                keys.add(name.startsWith(prefix + ".") ? name : parent + name);
            }
        }
        return keys;
    }

    private static String placeholdersAsStars(String key) {
        return key.replaceAll("\"<[^>]+>\"", "*").replaceAll("<[^>]+>", "*");
    }

    /**
     * What differs between the keys a mapping declares and those a README documents, in words; empty when
     * nothing does.
     */
    public static String differences(SortedSet<String> declared, SortedSet<String> documented) {
        SortedSet<String> undocumented = new TreeSet<>(declared);
        undocumented.removeAll(documented);
        SortedSet<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(declared);
        return (undocumented.isEmpty() ? "" : "settings missing from the README's table: " + undocumented + "; ")
                + (unknown.isEmpty() ? "" : "the README documents settings the application does not have: "
                        + unknown);
    }
}
