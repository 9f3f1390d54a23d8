package io.chainretail.hq.orders;

import io.chainretail.core.sync.payload.OrderForStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * An order as a channel places it. The channel's own order id makes placing idempotent: the same order placed
 * again answers the order already placed; another order under the same id is refused.
 *
 * @param store     for a pickup, the store the customer chose; for a delivery, none (HQ routes it)
 * @param address   for a delivery, where to, with its {@code latitude} and {@code longitude} in degrees
 * @param prepaid   the customer paid in the channel; otherwise they pay at the till when they collect
 */
public record OrderInput(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String channel,
        @NotBlank @Size(max = 64) String channelOrderId,
        @NotNull OrderForStore.Fulfilment fulfilment,
        @Size(max = 16) String store,
        @NotNull @Valid Customer customer,
        @Size(max = 300) String address,
        @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Line> lines,
        boolean prepaid) {

    /**
     * Who ordered: a member (by card number; their tier's prices and member promotions apply) or a guest by name.
     */
    public record Customer(@Size(max = 32) String member, @Size(max = 300) String name,
            @Size(max = 32) String phone) {
    }

    /** One product and how many units. */
    public record Line(@NotBlank @Size(max = 64) String sku, @Min(1) @Max(999) int quantity) {
    }
}
