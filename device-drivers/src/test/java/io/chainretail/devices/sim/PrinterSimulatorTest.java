package io.chainretail.devices.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.devices.escpos.PrinterProfile;
import io.chainretail.devices.printer.ReceiptPrinterTest;
import io.chainretail.devices.receipt.ReceiptLayout;
import io.chainretail.devices.transport.TcpTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulated printer restarted on the same folder numbers its receipts on, never over the earlier ones. */
class PrinterSimulatorTest {

    @Test
    void numbersReceiptsOnFromThoseAlreadyPrinted(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("receipt-7.txt"), "printed before a restart");
        try (PrinterSimulator printer = PrinterSimulator.onTcp(0, PrinterProfile.GENERIC_80MM, folder);
                TcpTransport line = new TcpTransport("127.0.0.1", printer.port(), Duration.ofSeconds(2))) {
            line.open();
            line.write(new ReceiptLayout(PrinterProfile.GENERIC_80MM).print(ReceiptPrinterTest.receipt("0001-01-8"))
                    .bytes());
            assertTrue(printer.awaitPrinted(1, Duration.ofSeconds(10)));
        }
        assertTrue(Files.readString(folder.resolve("receipt-7.txt")).equals("printed before a restart"));
        assertTrue(Files.exists(folder.resolve("receipt-8.txt")), "the next receipt is number 8");
    }
}
