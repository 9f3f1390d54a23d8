package io.chainretail.devices.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.devices.escpos.CodePage;
import io.chainretail.devices.escpos.PrinterProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every sample receipt read by an independent ESC/POS parser, the npm package {@code npos} 0.1.19 (with
 * a rule added for {@code GS ( k}, which it lacks): it must tokenize the bytes without error and find
 * exactly the text we meant to print. Needs Node.js and npm; installs npos under {@code target/npos}.
 * Without them the test is skipped loudly, except in CI, where it must run.
 */
class NposReaderIT {

    private static final Path DIR = Path.of("target/npos");

    @BeforeAll
    static void installNpos() throws Exception {
        if (!available("node") || !available("npm")) {
            String message = "NposReaderIT needs Node.js and npm (apt-get install nodejs npm)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message + ", and CI must run it.");
            }
            System.err.println("\n!!! SKIPPED: " + message + " !!!\n");
            Assumptions.abort(message);
        }
        Files.createDirectories(DIR);
        Files.copy(Path.of("src/test/npos/check.js"), DIR.resolve("check.js"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (!Files.isDirectory(DIR.resolve("node_modules/npos"))) {
            run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", DIR.toString(), "npos@0.1.19",
                    "iconv-lite@0.4.24"), 300);
        }
    }

    @Test
    void readsEverySampleReceiptToItsText() throws Exception {
        Map<String, ReceiptLayout.Printed> receipts = Map.of(
                "euro-sale", new ReceiptLayout(PrinterProfile.GENERIC_80MM).print(SampleReceipts.euroSale()),
                "chinese-sale", new ReceiptLayout(PrinterProfile.GENERIC_80MM).print(SampleReceipts.chineseSale()),
                "refund-58mm", new ReceiptLayout(PrinterProfile.GENERIC_58MM).print(SampleReceipts.refund()),
                "euro-sale-copy", new ReceiptLayout(PrinterProfile.EPSON_TM_T88).print(
                        SampleReceipts.euroSale().asCopy()));
        for (Map.Entry<String, ReceiptLayout.Printed> receipt : receipts.entrySet()) {
            Path bin = DIR.resolve(receipt.getKey() + ".bin");
            Files.write(bin, receipt.getValue().bytes());
            String json = run(List.of("node", DIR.resolve("check.js").toString(), bin.toString(),
                    encoding(receipt.getValue().codePage())), 60);
            assertTrue(json.startsWith("{\"ok\":true"), receipt.getKey() + ": npos refused it: " + json);
            assertEquals(receipt.getValue().text(), textOf(json), receipt.getKey() + ": npos read other text");
        }
    }

    private static String encoding(CodePage page) {
        return switch (page) {
            case CP437 -> "cp437";
            case CP858 -> "cp858";
            case GB18030 -> "gb18030";
        };
    }

    /** The "text" of the script's one-line JSON (strings only need \n, \", \\ and \\uXXXX undone). */
    private static String textOf(String json) {
        Matcher text = Pattern.compile("\"text\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        assertTrue(text.find(), json);
        StringBuilder out = new StringBuilder();
        String s = text.group(1);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private static boolean available(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(List<String> command, int timeoutSeconds) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
