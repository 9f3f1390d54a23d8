package io.chainretail.hq.orders;

import io.chainretail.core.sync.payload.OrderForStore;
import io.chainretail.core.sync.payload.LinePromotions;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** One line of an online order, as priced when it was placed and as the store picked it. */
@Entity
@Table(name = "online_order_line")
public class OrderLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id")
    public String orderId;

    @Column(name = "line_no")
    public int lineNo;

    public String sku;

    public String name;

    public long quantity;

    @Column(name = "unit_price_minor")
    public long unitPriceMinor;

    @Column(name = "saving_minor")
    public long savingMinor;

    @Column(name = "tax_class")
    public String taxClass;

    @Column(name = "tax_minor")
    public long taxMinor;

    @Column(name = "payable_minor")
    public long payableMinor;

    /** The promotion trace, as {@link LinePromotions} writes it. */
    public String promotions;

    /** Units the store picked, or {@code null} before it picked. */
    public Long picked;

    public String substitute;

    public static List<OrderLine> of(String orderId) {
        return list("orderId = ?1 order by lineNo", orderId);
    }

    OrderForStore.Line toRecord() {
        return new OrderForStore.Line(lineNo, sku, name, quantity, unitPriceMinor, savingMinor, taxClass, taxMinor,
                payableMinor, LinePromotions.fromText(promotions));
    }
}
