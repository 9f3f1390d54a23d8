package io.chainretail.hq.shop;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.util.Map;

/**
 * The QR code a customer shows at the till: {@code PICKUP:<code>}, which the till's scanner reads as a pickup
 * code rather than a product. Drawn as SVG, one square per module, so it is sharp on any phone.
 */
final class PickupQr {

    private PickupQr() {
    }

    static String svg(String pickupCode) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode("PICKUP:" + pickupCode, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException("a pickup code always fits a QR code", e);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " "
                + matrix.getHeight() + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" "
                + "fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
