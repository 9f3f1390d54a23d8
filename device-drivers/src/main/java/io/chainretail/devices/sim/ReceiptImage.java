package io.chainretail.devices.sim;

import io.chainretail.devices.escpos.PrinterProfile;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A picture of a printed receipt, as wide as the paper in dots: its text in a monospaced font, and a
 * labelled box where a barcode or QR code was printed. For eyes, not for tests to compare pixels.
 */
final class ReceiptImage {

    private static final int LINE = 24;

    private ReceiptImage() {
    }

    static Path write(String text, List<String> events, PrinterProfile profile, Path file) throws IOException {
        List<String> lines = text.lines().toList();
        List<String> codes = events.stream().filter(e -> e.startsWith("EAN13") || e.startsWith("CODE128")
                || e.startsWith("QR")).toList();
        int width = profile.dotsPerLine();
        int height = LINE * (lines.size() + 2) + codes.size() * (LINE * 4);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, (int) (width / (double) profile.columns() * 1.6)));
            int y = LINE;
            for (String line : lines) {
                g.drawString(line, 0, y);
                y += LINE;
            }
            for (String code : codes) {
                g.drawRect(width / 4, y, width / 2, LINE * 3);
                g.drawString(code, width / 4 + 4, y + LINE * 2);
                y += LINE * 4;
            }
        } finally {
            g.dispose();
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
