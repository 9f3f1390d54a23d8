package io.chainretail.hq.broker;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Broker password hashes in Mosquitto's own format, {@code $7$<iterations>$<salt>$<hash>} (PBKDF2-HMAC-SHA512,
 * 12-byte salt, 64-byte hash, standard Base64), as {@code mosquitto_passwd} writes them: one stored hash
 * checks a password at the embedded broker and goes into Mosquitto's password file unchanged.
 *
 * <p>10,000 iterations rather than the 210,000 of user passwords: a broker checks the hash on every
 * connection, and these passwords are 24 random bytes that no work factor needs to protect.
 */
public final class MosquittoPasswordHash {

    static final int ITERATIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MosquittoPasswordHash() {
    }

    public static String hash(String password) {
        byte[] salt = new byte[12];
        RANDOM.nextBytes(salt);
        return "$7$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(password, salt, ITERATIONS));
    }

    /** True when {@code password} matches {@code stored}, in constant time; false for any other format. */
    public static boolean matches(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 5 || !parts[0].isEmpty() || !"7".equals(parts[1]) || password == null
                || password.isEmpty()) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[3]);
            byte[] expected = Base64.getDecoder().decode(parts[4]);
            return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[2])));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A new random password: 24 bytes, URL-safe Base64 (32 characters, safe in any config file). */
    public static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // PBKDF2 by hand: the JDK's PBEKeySpec takes chars and would re-encode the password; Mosquitto hashes
    // its UTF-8 bytes. One block of 64 bytes is exactly the SHA-512 output.
    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            byte[] key = password.getBytes(StandardCharsets.UTF_8);
            if (key.length == 0) {
                throw new IllegalArgumentException("a broker password cannot be empty");
            }
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key, "HmacSHA512"));
            mac.update(salt);
            byte[] block = mac.doFinal(new byte[] {0, 0, 0, 1});
            byte[] result = block.clone();
            for (int i = 1; i < iterations; i++) {
                block = mac.doFinal(block);
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= block[j];
                }
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 is part of every Java 17", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
