package io.chainretail.core.till;

import io.chainretail.core.tender.TenderType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The bodies of the store agent's till API, which the lane application (pos-client) calls: the agent reads them
 * and the lane writes them, both from these records, so the two cannot disagree on a field. {@link TillCall}
 * lists the operations; the rules on each field are the agent's, checked where it reads them.
 */
public final class TillApi {

    /** Header carrying the session token from sign-in. */
    public static final String TOKEN_HEADER = "X-Till-Token";
    /** Header a paired lane sends its key in, at sign-in. */
    public static final String LANE_KEY_HEADER = "X-Lane-Key";
    /** What a lane code may be: it names the lane in sessions, receipts and the journal. */
    public static final String LANE_PATTERN = "[A-Za-z0-9_-]{1,16}";
    /** The heaviest weight a till sells by: more than any counter scale weighs, less than a keying slip. */
    public static final long MAX_WEIGHT_GRAMS = 999_999;

    private TillApi() {
    }

    /** A lane's one-time pairing code, from the manager console. */
    public record Pair(@NotBlank @Pattern(regexp = LANE_PATTERN) String lane, @NotBlank @Size(max = 64) String code) {
    }

    /** The lane's key: the till keeps it and sends it with every sign-in ({@value #LANE_KEY_HEADER}). */
    public record Paired(String lane, String key) {
    }

    /** Sign-in at a lane. */
    public record SignIn(@NotBlank String cashier, @NotBlank String pin,
            @NotBlank @Pattern(regexp = LANE_PATTERN) String lane) {
    }

    /** The session a till keeps. */
    public record SignedIn(String token, String cashier, String role, String lane) {
    }

    /**
     * One scan or keyed code: a barcode, a scale label, or a 5-digit PLU. {@code weightGrams} is a weight keyed
     * in for an item sold by weight; without it, the lane's scale weighs the item.
     */
    public record Scan(@NotBlank String code, Long quantity,
            @Min(value = 1, message = "a weight is at least 1 g") @Max(value = MAX_WEIGHT_GRAMS,
                    message = "a weight is at most 999,999 g") Long weightGrams) {
    }

    /** How many of a line's item the customer takes, set after the scan. */
    public record LineQuantity(@NotNull Long quantity) {
    }

    /** A member's card number or phone. */
    public record MemberKey(@NotBlank String cardOrPhone) {
    }

    /** A coupon code. */
    public record Coupon(@NotBlank String code) {
    }

    /** Payment of a sale in one or more tenders. */
    public record Payment(@NotEmpty List<@Valid @NotNull Tender> tenders) {
    }

    /**
     * One tender with the amount given in minor units; for CARD the card terminal's reference (authorisation or
     * slip number), for VOUCHER its number.
     */
    public record Tender(@NotNull TenderType type, @NotNull @PositiveOrZero Long amountMinor,
            @Size(max = 64) String reference) {
    }

    /**
     * Handing an online order over: no tenders when it was paid online; else what the customer pays at pickup
     * with (as for a sale; never {@code ONLINE}).
     */
    public record Handover(@Size(max = 10) List<@Valid @NotNull Tender> tenders) {
    }

    /** The float counted into the drawer as the shift opens. */
    public record OpenShift(@NotNull @PositiveOrZero Long floatMinor) {
    }

    /** The cash counted at close, by denomination. */
    public record CloseShift(@NotNull @Size(max = 100) List<@Valid @NotNull Count> counted) {
    }

    /** Notes or coins of one value. */
    public record Count(@Positive long valueMinor, @PositiveOrZero int count) {
    }

    /** A manager's approval, for a no-sale drawer opening or a voided sale. */
    public record Approval(@NotBlank String approver, @NotBlank String pin, String reason) {
    }

    /**
     * A return. With {@code saleId}: lines by {@code lineNo} at the price paid. Without: lines by {@code code},
     * at today's price, with a manager's {@code approver} and {@code pin}. {@code tender} is where the refund
     * goes: CASH when not given, CARD only for a sale paid by card, VOUCHER.
     */
    public record Return(String saleId, @NotEmpty @Size(max = 200) List<@Valid @NotNull ReturnLine> lines,
            TenderType tender, String approver, String pin, String reason) {
    }

    /** One line to give back: by the sale's line number with a receipt, by code without. */
    public record ReturnLine(Integer lineNo, String code, Long quantity, Long weightGrams) {
    }
}
