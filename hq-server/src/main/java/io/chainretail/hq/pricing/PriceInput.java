package io.chainretail.hq.pricing;

/** A price as a client sets it: minor units, and the currency (default CNY). */
public record PriceInput(Long priceMinor, String currency) {
}
