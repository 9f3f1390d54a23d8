package io.chainretail.devices.escpos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Printer replies told apart by their fixed bits, whole or split across reads, noise dropped. */
class StatusReaderTest {

    @Test
    void tellsAutomaticStatusFromRealTimeReplies() {
        StatusReader reader = new StatusReader();
        // ASB: cover open (byte 1 bit 5), paper end (byte 3 bits 2-3); then a DLE EOT reply 0x12 (online).
        byte[] bytes = {0x30, 0x00, 0x0C, 0x00, 0x12};
        List<StatusReader.Message> messages = reader.accept(bytes, bytes.length);
        assertEquals(2, messages.size());
        PrinterStatus status = ((StatusReader.Automatic) messages.get(0)).status();
        assertTrue(status.coverOpen());
        assertTrue(status.paperOut());
        assertFalse(status.canPrint());
        assertEquals("The receipt printer is out of paper: put in a new roll.", status.problem());
        assertEquals(0x12, ((StatusReader.RealTime) messages.get(1)).value());
    }

    @Test
    void assemblesAMessageSplitAcrossReadsAndSkipsFlowControlAndNoise() {
        StatusReader reader = new StatusReader();
        assertEquals(List.of(), reader.accept(new byte[] {(byte) 0xFF, 0x18, 0x00}, 3)); // noise, ASB byte 1
        assertEquals(List.of(), reader.accept(new byte[] {0x13, 0x00}, 2)); // XOFF skipped
        List<StatusReader.Message> done = reader.accept(new byte[] {0x00, 0x00}, 2);
        PrinterStatus status = ((StatusReader.Automatic) done.get(0)).status();
        assertFalse(status.online(), "byte 1 bit 3: offline");
    }

    @Test
    void readsTheFourRealTimeRepliesIntoOneStatus() {
        PrinterStatus status = PrinterStatus.READY.withRealTime(1, 0x16).withRealTime(2, 0x12)
                .withRealTime(3, 0x12).withRealTime(4, 0x7E);
        assertTrue(status.online());
        assertTrue(status.drawerSensorHigh());
        assertTrue(status.paperOut());
        assertTrue(status.paperNearEnd());
        assertEquals(PrinterStatus.READY, PrinterStatus.READY.withRealTime(1, 0x12).withRealTime(2, 0x12)
                .withRealTime(3, 0x12).withRealTime(4, 0x12));
    }
}
