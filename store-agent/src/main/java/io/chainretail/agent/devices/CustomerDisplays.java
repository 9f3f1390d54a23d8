package io.chainretail.agent.devices;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.checkout.SaleChanged;
import io.chainretail.agent.checkout.SaleView;
import io.chainretail.core.money.Money;
import io.chainretail.devices.display.CustomerDisplay;
import io.chainretail.devices.display.DisplayFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * What each lane's customer display shows: the line just scanned (or voided) with its amount above the sale's
 * total while the sale is open; the total and the change once it is paid, until the next sale; the greeting
 * while the lane has no sale.
 */
@ApplicationScoped
public class CustomerDisplays {

    private final StoreDevices devices;
    private final AgentConfig config;

    public CustomerDisplays(StoreDevices devices, AgentConfig config) {
        this.devices = devices;
        this.config = config;
    }

    void onSale(@Observes SaleChanged changed) {
        CustomerDisplay display = devices.displays().get(changed.lane());
        if (display != null) {
            display.show(frame(changed.sale(), config.displayGreeting(), display.columns()));
        }
    }

    /** The frame for {@code sale} on a display {@code columns} wide. */
    static DisplayFrame frame(SaleView sale, String greeting, int columns) {
        return switch (sale.status()) {
            case "OPEN" -> sale.lines().isEmpty() ? new DisplayFrame(greeting, "")
                    : new DisplayFrame(lastLine(sale, columns), DisplayFrame.spread("TOTAL", money(sale,
                            sale.totalMinor()), columns));
            case "COMPLETED" -> new DisplayFrame(DisplayFrame.spread("TOTAL", money(sale, sale.totalMinor()), columns),
                    sale.changeMinor() > 0 ? DisplayFrame.spread("CHANGE", money(sale, sale.changeMinor()), columns)
                            : "Thank you");
            default -> new DisplayFrame(greeting, "");
        };
    }

    private static String lastLine(SaleView sale, int columns) {
        List<SaleView.LineView> lines = sale.lines();
        SaleView.LineView line = lines.get(lines.size() - 1);
        if (line.voided()) {
            return DisplayFrame.spread("VOID " + line.name(), "-" + money(sale, line.regularMinor()), columns);
        }
        String name = line.quantity() > 1 ? line.quantity() + "x " + line.name() : line.name();
        return DisplayFrame.spread(name, money(sale, line.amountMinor()), columns);
    }

    private static String money(SaleView sale, long minor) {
        return sale.currency() == null ? String.valueOf(minor) : Money.of(minor, sale.currency()).toDecimalString();
    }
}
