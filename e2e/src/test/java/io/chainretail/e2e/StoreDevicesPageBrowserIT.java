package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The store manager's device page in headless Chromium, on a store agent with a simulated printer, a
 * printer that is not there, and a simulated weighing shelf whose ten units are not in the books: the
 * page shows each device's state and problem, the shelf against the books, and the discrepancy alert.
 */
class StoreDevicesPageBrowserIT {

    @Test
    void showsDevicesShelvesAndAlerts() throws Exception {
        try (RetailSystem system = new RetailSystem("devices-page")) {
            AppProcess agent = system.startAgent("0061", Map.of(
                    "agent.lanes.\"01\".printer", "simulated",
                    "agent.lanes.\"02\".printer", "tcp://127.0.0.1:1",
                    "agent.shelves.A1.sensor", "simulated",
                    "agent.shelves.A1.slots", "D00001:120:580:3,D00002:150:1060:2",
                    "agent.shelf-alerts.check", "200ms",
                    "agent.shelf-alerts.discrepancy-after", "1s"));
            ChromeDriver browser = Browser.start();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                Browser.openManagerPage(browser, wait, agent.url() + "/manager/devices.html", "9001", "9999");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("devices"), "lane-01-printer"));
                wait.until(d -> row(d.findElement(By.id("devices")), "lane-01-printer").contains("IDLE"));
                wait.until(d -> row(d.findElement(By.id("devices")), "lane-02-printer").contains("ERROR"));
                String missing = row(browser.findElement(By.id("devices")), "lane-02-printer");
                assertTrue(missing.contains("127.0.0.1:1"), "the problem names the address: " + missing);
                wait.until(d -> row(d.findElement(By.id("devices")), "shelf-A1").contains("IDLE"));

                wait.until(d -> row(d.findElement(By.id("shelves")), "D00002")
                        .matches(".*A1\\s+1\\s+D00002\\s+10\\s+0.*"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"),
                        "Shelf and books disagree"));
                String alert = row(browser.findElement(By.id("alerts")), "D00001");
                assertTrue(alert.contains("10") && alert.contains("A1"), alert);
                assertTrue(browser.findElement(By.id("message")).getText().isEmpty(), "no error shown");
            } finally {
                browser.quit();
            }
        }
    }

    /** The text of the first row of {@code table} that mentions {@code key}, or empty. */
    private static String row(WebElement table, String key) {
        for (WebElement tr : table.findElements(By.cssSelector("tbody tr"))) {
            String text = tr.getText();
            if (text.contains(key)) {
                return text;
            }
        }
        return "";
    }
}
