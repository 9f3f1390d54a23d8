package io.chainretail.core.gtin;

/**
 * GTIN rules (GS1 General Specifications, section 7.9): EAN-8, UPC-A (GTIN-12), EAN-13 and GTIN-14,
 * all validated by the same mod-10 check digit.
 */
public final class Gtin {

    private Gtin() {
    }

    /** True when {@code code} is 8, 12, 13 or 14 digits and its last digit is the right check digit. */
    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /**
     * Why {@code code} is not a valid GTIN, as a sentence a cashier or operator can act on, or
     * {@code null} when it is valid.
     */
    public static String problem(String code) {
        if (code == null || code.isEmpty()) {
            return "barcode is empty";
        }
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return "barcode " + code + " contains a character that is not a digit";
            }
        }
        int length = code.length();
        if (length != 8 && length != 12 && length != 13 && length != 14) {
            return "barcode " + code + " has " + length + " digits; a GTIN has 8, 12, 13 or 14";
        }
        int expected = checkDigit(code.substring(0, length - 1));
        int actual = code.charAt(length - 1) - '0';
        if (expected != actual) {
            return "barcode " + code + " has check digit " + actual + " but should end in " + expected;
        }
        return null;
    }

    /** The mod-10 check digit for the digits before it (weights 3,1,3,... from the right). */
    public static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("not a digit in " + body);
            }
            sum += (i % 2 == 0) ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** Appends the check digit: {@code withCheckDigit("400638133393") = "4006381333931"}. */
    public static String withCheckDigit(String body) {
        return body + checkDigit(body);
    }

    /** The 14-digit form used as a lookup key, so that UPC-A 0123... and EAN-13 00123... match. */
    public static String toGtin14(String valid) {
        if (!isValid(valid)) {
            throw new IllegalArgumentException(problem(valid));
        }
        return "0".repeat(14 - valid.length()) + valid;
    }
}
