package io.chainretail.devices.transport;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which USB device to use: vendor and product id (hex, as {@code lsusb} prints them), optionally its
 * serial number (two identical printers on one store server) and the interface number (default: the
 * first interface with a bulk or interrupt endpoint). Written {@code usb:04b8:0e15},
 * {@code usb:04b8:0e15?serial=X5YG012345} or {@code usb:0c2e:0b61?interface=0}.
 */
public record UsbAddress(int vendorId, int productId, String serial, Integer interfaceNumber) {

    public static UsbAddress parse(String address) {
        if (!address.startsWith("usb:")) {
            throw new IllegalArgumentException(address + ": a USB address starts with usb:");
        }
        String rest = address.substring(4);
        Map<String, String> options = new HashMap<>();
        int query = rest.indexOf('?');
        if (query >= 0) {
            for (String pair : rest.substring(query + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                options.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
            rest = rest.substring(0, query);
        }
        String[] ids = rest.split(":");
        try {
            if (ids.length != 2 || ids[0].length() != 4 || ids[1].length() != 4) {
                throw new NumberFormatException();
            }
            Integer iface = options.containsKey("interface") ? Integer.valueOf(options.get("interface")) : null;
            return new UsbAddress(Integer.parseInt(ids[0], 16), Integer.parseInt(ids[1], 16), options.get("serial"),
                    iface);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(address + ": write usb:vvvv:pppp with the vendor and product id in hex "
                    + "(from lsusb), e.g. usb:04b8:0e15, optionally ?serial=... and &interface=N");
        }
    }

    /** {@code 04b8:0e15}, as lsusb shows it. */
    public String ids() {
        return String.format(Locale.ROOT, "%04x:%04x", vendorId, productId);
    }

    @Override
    public String toString() {
        return "usb:" + ids() + (serial == null ? "" : "?serial=" + serial);
    }
}
