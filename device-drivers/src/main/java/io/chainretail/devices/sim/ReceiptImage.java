package io.chainretail.devices.sim;

import io.chainretail.devices.escpos.EscPosDecoder.Align;
import io.chainretail.devices.escpos.EscPosDecoder.PrintedLine;
import io.chainretail.devices.escpos.PrinterProfile;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A picture of a printed receipt, as wide as the paper in dots: each line in a monospaced font sized so
 * that the model's columns fill the paper, aligned, bold and enlarged as the printer was told, and a
 * labelled box where a barcode or QR code was printed. For eyes, not for tests to compare pixels.
 */
final class ReceiptImage {

    private static final int LINE = 24;
    private static final int MARGIN = 8;

    private ReceiptImage() {
    }

    static Path write(List<PrintedLine> lines, List<String> events, PrinterProfile profile, Path file)
            throws IOException {
        List<String> codes = events.stream().filter(e -> e.startsWith("EAN13") || e.startsWith("CODE128")
                || e.startsWith("QR")).toList();
        int width = profile.dotsPerLine();
        int height = MARGIN * 2 + lines.stream().mapToInt(l -> LINE * l.height()).sum() + codes.size() * LINE * 4;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Font plain = columnsFont(g, width, profile.columns());
            int y = MARGIN;
            for (PrintedLine line : lines) {
                y += LINE * line.height();
                Font font = (line.bold() ? plain.deriveFont(Font.BOLD) : plain)
                        .deriveFont(AffineTransform.getScaleInstance(line.width(), line.height()));
                g.setFont(font);
                int textWidth = g.getFontMetrics().stringWidth(line.text());
                int x = line.align() == Align.CENTER ? (width - textWidth) / 2
                        : line.align() == Align.RIGHT ? width - textWidth : 0;
                g.drawString(line.text(), Math.max(0, x), y - 4);
            }
            g.setFont(plain);
            for (String code : codes) {
                y += LINE / 2;
                g.drawRect(width / 8, y, width * 3 / 4, LINE * 3);
                String label = code;
                while (g.getFontMetrics().stringWidth(label) > width * 3 / 4 - 8) {
                    label = label.substring(0, label.length() - 4) + "...";
                }
                g.drawString(label, width / 8 + 4, y + LINE * 2);
                y += LINE * 3 + LINE / 2;
            }
        } finally {
            g.dispose();
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A monospaced font whose {@code columns} characters are as wide as the paper. */
    private static Font columnsFont(Graphics2D g, int width, int columns) {
        Font probe = new Font(Font.MONOSPACED, Font.PLAIN, 20);
        double advance = g.getFontMetrics(probe).charWidth('M');
        return probe.deriveFont((float) (20 * width / (advance * columns)));
    }
}
