package io.chainretail.devices.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.devices.escpos.CodePage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bytes a 2x20 display receives for a frame: both lines whole, fitted to twenty columns. */
class DisplayCommandsTest {

    @Test
    void eachLineIsWrittenWholeFromItsFirstColumn() {
        DisplayCommands commands = new DisplayCommands(CodePage.CP437, 20);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {0x1F, '$', 1, 1});
        expected.writeBytes("Apple juice     4.50".getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(new byte[] {0x1F, '$', 1, 2});
        expected.writeBytes("TOTAL          12.30".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(expected.toByteArray(), commands.frame(new DisplayFrame(
                DisplayFrame.spread("Apple juice", "4.50", 20), DisplayFrame.spread("TOTAL", "12.30", 20))));
    }

    @Test
    void longNamesAreCutAndTheAmountAlwaysShows() {
        assertEquals("Organic whole mi 4.5", DisplayFrame.spread("Organic whole milk 1L", "4.5", 20));
        assertEquals("有机全脂牛奶1  12.30", DisplayFrame.spread("有机全脂牛奶1升装", "12.30", 20));
        assertEquals(20, io.chainretail.devices.text.TextWidth.of(DisplayFrame.spread("有机全脂牛奶1升装", "2.30",
                20)));
    }

    @Test
    void chineseIsSentInGb18030ToADisplayThatHasItAndAsQuestionMarksToOneThatHasNot() {
        Charset gb = Charset.forName("GB18030");
        DisplayCommands chinese = new DisplayCommands(CodePage.GB18030, 20);
        byte[] bytes = chinese.frame(new DisplayFrame("苹果汁 4.50", ""));
        assertEquals("苹果汁 4.50" + " ".repeat(9), new String(bytes, 4, bytes.length - 4 - 24, gb));
        assertArrayEquals(new byte[] {0x1B, '@', 0x1F, 0x01, 0x1F, 'C', 0, 0x0C, 0x1C, '&'}, chinese.initialise());

        DisplayCommands plain = new DisplayCommands(CodePage.CP437, 20);
        byte[] ascii = plain.frame(new DisplayFrame("苹果汁 4.50\u001b@", ""));
        assertEquals("??? 4.50?@" + " ".repeat(10), new String(ascii, 4, 20, StandardCharsets.US_ASCII));
    }
}
