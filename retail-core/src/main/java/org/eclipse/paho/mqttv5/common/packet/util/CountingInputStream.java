package org.eclipse.paho.mqttv5.common.packet.util;

import java.io.IOException;
import java.io.InputStream;

/**
 * Stands in for Paho's class of the same name (mqttv5 client 1.2.5, its last release), with the same public
 * API: a stream that counts the bytes read through it. Paho's reads only one byte at a time, so every
 * received PUBLISH payload was copied through a single-byte, synchronized read per byte: in a JFR profile of
 * HQ ingesting uplinked sales, Paho's receiving thread spent almost as long copying payloads as HQ spent
 * storing them, and a store's initial sync copies 30 MB that way. This one reads arrays in bulk.
 *
 * <p>The applications drop Paho's own copy with {@code quarkus.class-loading.removed-resources} (their
 * application.properties); {@code PahoPayloadCopyTest} in each checks that this one is loaded. Revisit on a
 * Paho upgrade.
 */
public class CountingInputStream extends InputStream {

    private final InputStream inputStream;
    private int counter;

    public CountingInputStream(InputStream inputStream) {
        this.inputStream = inputStream;
    }

    @Override
    public int read() throws IOException {
        int value = inputStream.read();
        if (value != -1) {
            counter++;
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = inputStream.read(buffer, offset, length);
        if (read > 0) {
            counter += read;
        }
        return read;
    }

    public int getCounter() {
        return counter;
    }

    public void resetCounter() {
        counter = 0;
    }
}
