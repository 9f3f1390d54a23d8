package io.chainretail.hq.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void readsQuotedFieldsAndKeepsTheLineEachRecordStartsOn() throws Exception {
        CsvReader reader = new CsvReader(new StringReader("\uFEFFsku,name\r\nA,\"Tea, green\"\n\nB,\"two\nlines\"\n"
                + "C,\"say \"\"hi\"\"\""));
        assertEquals(new CsvReader.Row(1, List.of("sku", "name")), reader.read());
        assertEquals(new CsvReader.Row(2, List.of("A", "Tea, green")), reader.read());
        assertEquals(new CsvReader.Row(4, List.of("B", "two\nlines")), reader.read());
        assertEquals(new CsvReader.Row(6, List.of("C", "say \"hi\"")), reader.read());
        assertNull(reader.read());
    }

    @Test
    void anUnclosedQuoteIsAnErrorOfItsLine() {
        CsvReader reader = new CsvReader(new StringReader("a\n\"open"));
        CsvException e = assertThrows(CsvException.class, () -> {
            reader.read();
            reader.read();
        });
        assertEquals(2, e.line());
    }

    @Test
    void writesWhatItReads() throws Exception {
        String written = new CsvWriter().row(List.of("a,b", "q\"x", "plain")).toString();
        assertEquals(List.of("a,b", "q\"x", "plain"), new CsvReader(new StringReader(written)).read().fields());
        assertEquals("tax_class", CsvProblems.column("taxClass"));
        assertEquals("barcodes", CsvProblems.column("barcodes[3]"));
    }
}
