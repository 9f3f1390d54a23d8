package io.chainretail.devices.escpos;

/**
 * A black-and-white image packed as ESC/POS raster data: rows top to bottom, 8 dots per byte, the
 * most significant bit leftmost, 1 = black.
 */
public final class Raster {

    private final int widthDots;
    private final int heightDots;
    private final byte[] packed;

    private Raster(int widthDots, int heightDots, byte[] packed) {
        this.widthDots = widthDots;
        this.heightDots = heightDots;
        this.packed = packed;
    }

    /** From rows of pixels, {@code true} = black; every row as wide as the first. */
    public static Raster of(boolean[][] black) {
        int height = black.length;
        int width = height == 0 ? 0 : black[0].length;
        int perRow = (width + 7) / 8;
        byte[] packed = new byte[perRow * height];
        for (int y = 0; y < height; y++) {
            if (black[y].length != width) {
                throw new IllegalArgumentException("row " + y + " is not " + width + " dots wide");
            }
            for (int x = 0; x < width; x++) {
                if (black[y][x]) {
                    packed[y * perRow + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        return new Raster(width, height, packed);
    }

    public int widthDots() {
        return widthDots;
    }

    public int heightDots() {
        return heightDots;
    }

    public int bytesPerRow() {
        return (widthDots + 7) / 8;
    }

    byte[] packed() {
        return packed;
    }
}
