package io.chainretail.hq.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An upload is decoded as it is read, in buffers far smaller than a large file: characters split across two
 * buffers come out whole, and bytes that are not text name their line however far into the file they are.
 */
class CsvTextTest {

    /** Many times the decoder's buffer, in Chinese (three bytes a character in UTF-8). */
    private static final int LINES = 50_000;

    @Test
    void aLargeFileReadsBackAsItWasWritten() throws IOException {
        String text = lines("绿茶,茉莉花茶 500ml,350");

        for (String charset : new String[] {"UTF-8", "GB18030"}) {
            assertEquals(text, readAll(CsvText.of(new ByteArrayInputStream(text.getBytes(Charset.forName(charset))),
                    "text/csv; charset=" + charset)), charset);
        }
    }

    @Test
    void bytesThatAreNotTextNameTheirLineDeepInTheFile() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(lines("绿茶,350").getBytes(StandardCharsets.UTF_8));
        file.write("乌龙茶,420\n".getBytes(Charset.forName("GB18030")));

        CsvRefusal refusal = assertThrows(CsvRefusal.class, () -> readAll(CsvText.of(
                new ByteArrayInputStream(file.toByteArray()), "text/csv")));

        CsvProblems.Problem problem = refusal.problems().list().get(0);
        assertEquals(LINES + 1, problem.line());
        assertTrue(problem.reason().contains("charset=GB18030"), problem.reason());
    }

    @Test
    void anEncodingHqDoesNotKnowIsRefusedBeforeReading() {
        CsvRefusal refusal = assertThrows(CsvRefusal.class, () -> CsvText.of(new ByteArrayInputStream(new byte[0]),
                "text/csv; charset=klingon"));
        assertTrue(refusal.problems().list().get(0).reason().contains("'klingon'"));
    }

    private static String lines(String line) {
        return (line + "\n").repeat(LINES);
    }

    private static String readAll(Reader reader) throws IOException {
        StringWriter out = new StringWriter();
        char[] buffer = new char[7_919]; // not a divisor of the decoder's buffer
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
            out.write(buffer, 0, n);
        }
        return out.toString();
    }
}
