package io.chainretail.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks an application's settings at start, as HikariCP checks a pool's: every problem is collected, each
 * naming its key, what was given and what to do, and the start fails with all of them at once rather than at
 * the first request that trips over one.
 */
public final class ConfigCheck {

    private final List<String> problems = new ArrayList<>();

    /** Records {@code problem} under {@code key} unless {@code ok}. */
    public ConfigCheck require(boolean ok, String key, String problem) {
        if (!ok) {
            problems.add(key + ": " + problem);
        }
        return this;
    }

    public ConfigCheck positive(Duration value, String key) {
        return require(value != null && !value.isNegative() && !value.isZero(), key, value
                + " must be longer than zero, e.g. 5s");
    }

    public ConfigCheck atLeast(long value, long least, String key) {
        return require(value >= least, key, value + " must be at least " + least);
    }

    public ConfigCheck between(long value, long least, long most, String key) {
        return require(value >= least && value <= most, key, value + " must be between " + least + " and " + most);
    }

    public ConfigCheck matches(String value, String regex, String key, String what) {
        return require(value != null && Pattern.matches(regex, value), key, "'" + value + "' is not " + what);
    }

    /** A URL with one of {@code schemes}, a host and (when {@code needsPort}) a port. */
    public ConfigCheck url(String value, String key, boolean needsPort, String... schemes) {
        String example = schemes[0] + "://host" + (needsPort ? ":port" : "");
        boolean ok;
        try {
            URI uri = URI.create(value);
            ok = uri.getScheme() != null && List.of(schemes).contains(uri.getScheme()) && uri.getHost() != null
                    && (!needsPort || uri.getPort() > 0);
        } catch (IllegalArgumentException | NullPointerException e) {
            ok = false;
        }
        return require(ok, key, "'" + value + "' is not a " + String.join(" or ", schemes) + " URL like "
                + example);
    }

    /** Whatever {@code parse} refuses, in its own words. */
    public <T> ConfigCheck parses(String value, Function<String, T> parse, String key) {
        try {
            parse.apply(value);
            return this;
        } catch (RuntimeException e) {
            return require(false, key, e.getMessage() != null ? e.getMessage() : "'" + value + "' is not valid");
        }
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Fails with every problem found, one per line, or returns when there is none. */
    public void orFail(String application) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException(application + " cannot start: its configuration has "
                    + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n  "
                    + String.join("\n  ", problems));
        }
    }
}
