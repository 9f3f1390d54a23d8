package io.chainretail.hq.catalog;

/** A business rule a catalog change broke; mapped to 409 or 422 with a code and a sentence. */
public class CatalogException extends RuntimeException {

    private final String code;
    private final int status;

    public CatalogException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
