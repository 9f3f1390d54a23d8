package io.chainretail.hq.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a client sends to create or replace a product. */
public record ProductInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_', '-'")
        String sku,
        @NotBlank @Size(max = 300) String name,
        @NotNull List<@NotBlank String> barcodes,
        @NotNull @PositiveOrZero Long priceMinor,
        @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code such as CNY") String currency,
        Boolean active) {
}
