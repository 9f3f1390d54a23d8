package io.chainretail.devices.scale;

import java.io.ByteArrayOutputStream;

/** Bytes of a frame being received, never longer than a frame can be, and a count of the bytes dropped as noise. */
final class FrameBuffer {

    private final int maxLength;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int noise;

    FrameBuffer(int maxLength) {
        this.maxLength = maxLength;
    }

    /** Adds {@code b}, or says false when the frame would grow longer than a frame can be. */
    boolean add(byte b) {
        if (bytes.size() == maxLength) {
            return false;
        }
        bytes.write(b);
        return true;
    }

    int size() {
        return bytes.size();
    }

    byte[] take() {
        byte[] frame = bytes.toByteArray();
        bytes.reset();
        return frame;
    }

    void dropAsNoise() {
        noise += bytes.size();
        bytes.reset();
    }

    void countNoise(int count) {
        noise += count;
    }

    int noise() {
        return noise;
    }
}
