package io.chainretail.core.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The keys a SmallRye {@code @ConfigMapping} interface declares, as an operator writes them: nested groups as
 * dotted parts, a map's key as {@code *} ({@code agent.lanes.*.printer}), {@code @WithName} honoured.
 */
public final class ConfigKeys {

    private ConfigKeys() {
    }

    /** Every key the mapping interface {@code mapping} declares under {@code prefix}. */
    public static SortedSet<String> declared(Class<?> mapping, String prefix) {
        SortedSet<String> keys = new TreeSet<>();
        collect(mapping, prefix, keys);
        return keys;
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

    /** {@code drawerPulseValidFor} as SmallRye Config names it: {@code drawer-pulse-valid-for}. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
