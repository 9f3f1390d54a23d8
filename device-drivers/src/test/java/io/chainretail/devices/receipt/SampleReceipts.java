package io.chainretail.devices.receipt;

import io.chainretail.devices.receipt.Receipt.Amount;
import io.chainretail.devices.receipt.Receipt.Code;
import io.chainretail.devices.receipt.Receipt.Line;
import java.util.List;

/** The receipts the golden tests print: a euro sale, a Chinese sale with a member, a return. */
final class SampleReceipts {

    private SampleReceipts() {
    }

    static Receipt euroSale() {
        return new Receipt(List.of("Café Müller", "Königstraße 12, Stuttgart"), "SALE",
                List.of("Receipt 0042-01-000123", "Lane 01  Cashier 1001", "2026-11-30 14:05"),
                List.of(new Line("Crème brûlée", "2 x €3.50", "€7.00",
                                List.of(Amount.of("DESSERT2 2 for 6", "-€1.00"))),
                        new Line("Espresso", null, "€2.20", List.of()),
                        new Line("A very long product name that does not fit on one receipt line at all", "1 x €1.00",
                                "€1.00", List.of())),
                List.of(Amount.of("You saved", "€1.00"), new Amount("TOTAL", "€9.20", true),
                        Amount.of("incl. VAT 19%", "€1.47")),
                List.of(Amount.of("CARD ref 884211", "€5.00"), Amount.of("CASH", "€5.00"),
                        Amount.of("CHANGE", "€0.80")),
                List.of(), new Code(Code.Kind.CODE128, "0042-01-000123"), List.of("Danke!", "Returns within 30 days"),
                false);
    }

    static Receipt chineseSale() {
        return new Receipt(List.of("华联超市 0001", "上海市南京东路 100 号"), "销售 SALE",
                List.of("小票 0001-01-000007", "收银台 01  收银员 1001", "2026-11-30 14:05"),
                List.of(new Line("矿泉水 550ml", "3 x 2.50", "7.50", List.of(Amount.of("会员九折 GOLD10", "-0.75"))),
                        new Line("苹果 0.384 kg", "0.384 kg x 12.90/kg", "4.95", List.of())),
                List.of(Amount.of("优惠 You saved", "0.75"), new Amount("合计 TOTAL", "11.70", true),
                        Amount.of("含税 VAT 13%", "1.35")),
                List.of(Amount.of("现金 CASH", "20.00"), Amount.of("找零 CHANGE", "8.30")),
                List.of("会员 王芳 (GOLD)", "积分 +11, 余额 131"), new Code(Code.Kind.QR, "0001-01-000007"),
                List.of("谢谢惠顾 Thank you"), false);
    }

    static Receipt refund() {
        return new Receipt(List.of("Store 0001"), "RETURN", List.of("Refund 0001-01-000009", "For sale 0001-01-000007"),
                List.of(new Line("Water 550ml", "1 x 2.25", "2.25", List.of())),
                List.of(new Amount("REFUND", "2.25", true)), List.of(Amount.of("CASH", "2.25")), List.of(),
                new Code(Code.Kind.EAN13, "200000000009"), List.of(), false);
    }
}
