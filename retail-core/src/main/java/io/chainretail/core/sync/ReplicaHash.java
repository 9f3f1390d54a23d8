package io.chainretail.core.sync;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The content hash of one feed's data, computed the same way at HQ and at every store so that
 * "is store 0042 identical to HQ?" has a yes-or-no answer.
 *
 * <p>Each row is written in a canonical text form and hashed with SHA-256; the feed's hash is the
 * row count and the sum of the rows' first 64 bits. A sum does not depend on row order, so each side
 * can stream its rows in whatever order its database returns them.
 */
public final class ReplicaHash {

    private final MessageDigest sha256;
    private long count;
    private long sum;

    public ReplicaHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The catalog feed's hash from database rows, as both HQ and stores read them.
     *
     * @param products rows of (sku, name, active)
     * @param barcodes rows of (sku, barcode)
     */
    public static String catalog(List<Object[]> products, List<Object[]> barcodes) {
        Map<String, List<String>> bySku = new HashMap<>();
        for (Object[] row : barcodes) {
            bySku.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        ReplicaHash hash = new ReplicaHash();
        for (Object[] row : products) {
            hash.addProduct((String) row[0], (String) row[1], (Boolean) row[2], bySku.getOrDefault(row[0], List.of()));
        }
        return hash.value();
    }

    /**
     * The prices feed's hash from database rows of (sku, price in minor units, currency).
     */
    public static String prices(List<Object[]> rows) {
        ReplicaHash hash = new ReplicaHash();
        for (Object[] row : rows) {
            hash.addPrice((String) row[0], ((Number) row[1]).longValue(), (String) row[2]);
        }
        return hash.value();
    }

    /** Adds a catalog row: SKU, name, active flag, and barcodes (any order). */
    public ReplicaHash addProduct(String sku, String name, boolean active, Collection<String> barcodes) {
        List<String> sorted = barcodes.stream().sorted().toList();
        return addRow(sku + '\t' + name + '\t' + (active ? '1' : '0') + '\t' + String.join(",", sorted));
    }

    /** Adds a prices row: SKU, price in minor units, currency. */
    public ReplicaHash addPrice(String sku, long priceMinor, String currency) {
        return addRow(sku + '\t' + priceMinor + '\t' + currency);
    }

    private ReplicaHash addRow(String row) {
        byte[] digest = sha256.digest(row.getBytes(StandardCharsets.UTF_8));
        sum += ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        count++;
        return this;
    }

    /** The hash as {@code rows:hex}, e.g. {@code 5000:3fa2...}. */
    public String value() {
        return count + ":" + String.format("%016x", sum);
    }
}
