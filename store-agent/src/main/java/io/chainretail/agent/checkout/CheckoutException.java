package io.chainretail.agent.checkout;

/** A till action refused for a reason the cashier can act on; carries an HTTP status and a code. */
public class CheckoutException extends RuntimeException {

    private final int status;
    private final String code;

    public CheckoutException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
