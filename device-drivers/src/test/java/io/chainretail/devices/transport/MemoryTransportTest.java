package io.chainretail.devices.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class MemoryTransportTest {

    @Test
    void recordsEachWriteAndReplaysReplies() throws IOException {
        MemoryTransport transport = new MemoryTransport();
        transport.open();
        transport.write(new byte[] {0x1b, 0x40});
        transport.write(new byte[] {0x0a});
        transport.reply(new byte[] {0x12});

        byte[] buffer = new byte[8];
        assertEquals(1, transport.read(buffer, 100));
        assertEquals(0x12, buffer[0]);
        assertEquals(2, transport.writes().size());
        assertArrayEquals(new byte[] {0x1b, 0x40, 0x0a}, transport.written());
        assertEquals(0, transport.read(buffer, 10));
    }

    @Test
    void refusesIoWhenClosed() {
        MemoryTransport transport = new MemoryTransport();
        assertThrows(IOException.class, () -> transport.write(new byte[] {1}));
    }
}
