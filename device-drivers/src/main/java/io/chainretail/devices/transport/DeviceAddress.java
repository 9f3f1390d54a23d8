package io.chainretail.devices.transport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one grammar of a device's address in configuration: {@code scheme:target?name=value&name=value}, e.g.
 * {@code serial:/dev/counter-scale?baud=9600&parity=even} or {@code modbus-tcp://10.0.0.50:502?type=u32}. Each
 * scheme takes its own parameters; one it does not take is an error that lists the ones it does, never
 * silently ignored (a mistyped {@code bad=19200} would otherwise talk at the wrong speed).
 *
 * @param scheme     what comes before the first {@code :}, e.g. {@code serial}
 * @param target     what follows it up to the {@code ?}: a path, {@code //host:port}, a topic
 * @param parameters the query's parameters in the order written
 */
public record DeviceAddress(String address, String scheme, String target, Map<String, String> parameters) {

    /**
     * Reads {@code address}, allowing only {@code allowed} parameters.
     *
     * @throws IllegalArgumentException naming the address and what is wrong with it
     */
    public static DeviceAddress parse(String address, List<String> allowed) {
        int colon = address.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(address + ": an address is scheme:target, e.g. serial:/dev/ttyUSB0");
        }
        int query = address.indexOf('?');
        String target = query < 0 ? address.substring(colon + 1) : address.substring(colon + 1, query);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query < 0 ? new String[0] : address.substring(query + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (equals < 0 || !allowed.contains(name)) {
                throw new IllegalArgumentException(address + ": " + pair + " is not a parameter of "
                        + address.substring(0, colon) + ": addresses; " + (allowed.isEmpty() ? "it takes none"
                        : "it takes " + String.join(", ", allowed) + " (name=value)"));
            }
            parameters.put(name, pair.substring(equals + 1));
        }
        return new DeviceAddress(address, address.substring(0, colon), target, parameters);
    }

    /** A whole-number parameter, or {@code otherwise} when it is absent. */
    public int integer(String name, int otherwise, String what) {
        String value = parameters.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(address + ": " + name + "=" + value + ": " + what);
        }
    }

    /** A parameter that is one of {@code choices}, or {@code otherwise} when it is absent. */
    public String choice(String name, String otherwise, List<String> choices) {
        String value = parameters.getOrDefault(name, otherwise);
        if (!choices.contains(value)) {
            throw new IllegalArgumentException(address + ": " + name + "=" + value + ": one of "
                    + String.join(", ", choices));
        }
        return value;
    }
}
