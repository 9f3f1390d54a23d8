package io.chainretail.core.docs;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        SortedSet<String> keys = new TreeSet<>();
        collect(mapping, prefix, keys);
        return keys;
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

    private static void collect(Class<?> group, String prefix, SortedSet<String> keys) {
        for (Method method : group.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.isDefault() || method.getParameterCount() > 0) {
                continue;
            }
            String key = prefix + "." + name(method);
            Type type = method.getGenericReturnType();
            if (method.getReturnType() == Map.class) {
                Type value = ((ParameterizedType) type).getActualTypeArguments()[1];
                if (value instanceof Class<?> valueClass && isGroup(valueClass)) {
                    collect(valueClass, key + ".*", keys);
                } else {
                    keys.add(key + ".*");
                }
            } else if (method.getReturnType() == Optional.class
                    && ((ParameterizedType) type).getActualTypeArguments()[0] instanceof Class<?> inner
                    && isGroup(inner)) {
                collect(inner, key, keys);
            } else if (isGroup(method.getReturnType())) {
                collect(method.getReturnType(), key, keys);
            } else {
                keys.add(key);
            }
        }
    }

    /** A nested group of settings: an interface of the application's own, not a value type. */
    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && !type.getName().startsWith("java.");
    }

    /** The key's last part: SmallRye Config's {@code @WithName} if given, else the method's name in kebab case. */
    private static String name(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().getSimpleName().equals("WithName")) {
                try {
                    return (String) annotation.annotationType().getMethod("value").invoke(annotation);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return kebab(method.getName());
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

    /** {@code drawerPulseValidFor} as SmallRye Config names it: {@code drawer-pulse-valid-for}. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
