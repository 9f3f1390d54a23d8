package io.chainretail.core.config;

import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * The settings an application runs with, one line for its log at start: every key its mapping declares with
 * the value in force (set, or the default), the entries of its maps as set, and secrets masked.
 */
public final class EffectiveConfig {

    /** A key whose last part names a secret; {@code agent.cashiers} holds PINs. */
    private static final Pattern SECRET = Pattern.compile("(.*[.-])?(password|secret|token|lane-key|pairing-code"
            + "|cashiers)");

    private EffectiveConfig() {
    }

    public static String describe(Config config, Class<?> mapping, String prefix) {
        SortedSet<String> keys = new TreeSet<>();
        for (String key : ConfigKeys.declared(mapping, prefix)) {
            if (!key.contains("*")) {
                keys.add(key);
            }
        }
        Pattern mapped = mapPattern(ConfigKeys.declared(mapping, prefix));
        for (String name : config.getPropertyNames()) {
            if (mapped.matcher(name).matches()) {
                keys.add(name);
            }
        }
        StringJoiner line = new StringJoiner(", ");
        for (String key : keys) {
            Optional<String> value = Optional.ofNullable(config.getConfigValue(key).getValue());
            line.add(key + "=" + value.map(v -> masked(key, v)).orElse("(unset)"));
        }
        return line.toString();
    }

    private static Pattern mapPattern(SortedSet<String> declared) {
        StringJoiner alternatives = new StringJoiner("|");
        for (String key : declared) {
            if (key.contains("*")) {
                alternatives.add(Pattern.quote(key).replace("*", "\\E(?:\"[^\"]+\"|[^.]+)\\Q"));
            }
        }
        return Pattern.compile(alternatives.length() == 0 ? "(?!)" : alternatives.toString());
    }

    private static String masked(String key, String value) {
        return SECRET.matcher(key.toLowerCase(Locale.ROOT)).matches() && !value.isEmpty() ? "****" : value;
    }
}
