package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.gtin.Gtin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The store manager's console in headless Chromium: HQ lets store 0001 price its water between 2.00 and
 * 3.00; the manager signs in with id and PIN, is refused 3.50 with HQ's ceiling shown, sets 2.20, the
 * till sells at 2.20 at once, and HQ lists the store's price; then books a delivery and a write-off
 * (refused without a reason), which HQ lists too, counts the store and posts the variance, and runs a
 * promotion of the store's own (refused past HQ's limit), which HQ lists until the manager ends it; pairs a new
 * lane's till with a code typed at its page; and at the end of the lane's shift reads its Z report with the cash
 * variance.
 */
class ManagerConsoleBrowserIT {

    @Test
    void aManagerSetsAPriceInsideHqsBoundsAndTheTillSellsAtIt() throws Exception {
        try (RetailSystem system = new RetailSystem("manager-console")) {
            AppProcess hq = system.startHq();
            AppProcess agent = system.startAgent("0001");
            String barcode = Gtin.withCheckDigit("690555000009");
            assertEquals(200, Http.post(hq.url() + "/api/products", "{\"sku\":\"BR-9\",\"name\":\"Water 1l\","
                    + "\"barcodes\":[\"" + barcode + "\"],\"priceMinor\":250}").status());
            assertEquals(200, Http.put(hq.url() + "/api/price-bounds/B-BR9", "{\"id\":\"B-BR9\",\"sku\":\"BR-9\","
                    + "\"store\":\"0001\",\"floorMinor\":200,\"ceilingMinor\":300}").status());
            // HQ lets this store take up to 20% off on its own.
            assertEquals(200, Http.put(hq.url() + "/api/stores/0001", "{\"code\":\"0001\",\"name\":\"Store 0001\","
                    + "\"region\":\"E2E\",\"timezone\":\"Asia/Shanghai\",\"currency\":\"CNY\",\"lanes\":4,"
                    + "\"localPromotionMaxBp\":2000}").status());
            Eventually.await("the store is identical to HQ", Duration.ofSeconds(30), () -> Http.get(hq.url()
                    + "/api/sync/stores/0001/replica").body().path("identical").asBoolean());

            ChromeDriver browser = Browser.start();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
                Browser.openManagerPage(browser, wait, agent.url() + "/manager/prices.html", "9001", "9999");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("overrides"),
                        "sells at HQ's prices"));

                // Typing the SKU shows the product, HQ's price and what the store may charge.
                browser.findElement(By.id("sku")).sendKeys("BR-9", Keys.TAB);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("product"),
                        "HQ price 2.50 · allowed here: 2.00 to 3.00"));
                browser.findElement(By.id("price")).sendKeys("3.50", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                        "3.50 is above HQ's ceiling of 3.00"));

                browser.findElement(By.id("price")).clear();
                browser.findElement(By.id("price")).sendKeys("2.20", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "sells at 2.20"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("overrides"), "Water 1l"));
                Files.write(Path.of(System.getProperty("repo.root", ".."), "e2e/target/manager-prices.png"),
                        browser.getScreenshotAs(OutputType.BYTES));

                // Stock: a delivery of 24, a write-off refused without a reason, then with one.
                browser.findElement(By.linkText("Stock")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stock"), "Nothing has moved"));
                browser.findElement(By.id("sku")).sendKeys("BR-9");
                browser.findElement(By.id("quantity")).sendKeys("24");
                browser.findElement(By.id("note")).sendKeys("DN-7781", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "on hand: 24"));
                new Select(browser.findElement(By.id("kind"))).selectByValue("DAMAGED");
                browser.findElement(By.id("quantity")).sendKeys("2", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "why"));
                browser.findElement(By.id("note")).sendKeys("dropped", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "on hand: 22"));

                // A count of the whole store finds 20 where the books hold 22: 2 short, 4.40 at the store's price.
                browser.findElement(By.id("count-open")).submit();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count-missing"), "BR-9 (22)"));
                browser.findElement(By.id("count-sku")).sendKeys("BR-9");
                browser.findElement(By.id("count-units")).sendKeys("20", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count-report"), "-2"));
                assertTrue(browser.findElement(By.id("count-value-total")).getText().contains("4.40"),
                        browser.findElement(By.id("count-report")).getText());
                browser.findElement(By.id("count-post")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Count posted"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stock"), "20"));

                // A promotion of the store's own: 25% is past HQ's 20%, 10% runs until the manager ends it.
                browser.findElement(By.linkText("Store promotions")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("running"), "only HQ's"));
                browser.findElement(By.id("code")).sendKeys("W10");
                browser.findElement(By.id("name")).sendKeys("Water week");
                browser.findElement(By.id("skus")).sendKeys("BR-9");
                browser.findElement(By.id("value")).sendKeys("25", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "at most 20.0% off"));
                browser.findElement(By.id("value")).clear();
                browser.findElement(By.id("value")).sendKeys("10", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("running"), "L-0001-W10"));
                Eventually.await("HQ lists the store's promotion", Duration.ofSeconds(30), () -> Http.get(hq.url()
                        + "/api/stores/0001/local-promotions").body().toString().contains("L-0001-W10"));
                browser.findElement(By.cssSelector("#running button")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Ended L-0001-W10"));

                // A new lane: the manager makes a pairing code, the till's page asks for it, then signs in.
                browser.findElement(By.linkText("Lanes")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lanes"), "No lane"));
                browser.findElement(By.id("lane")).sendKeys("02", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code"), "Code for lane 02"));
                String code = browser.findElement(By.id("code")).getText().replaceAll(".*: ([A-Z2-9]{8}) .*", "$1");
                AppProcess pos = system.startPos(agent, "02", false);
                browser.get(pos.url() + "/");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pairing-code")));
                browser.findElement(By.id("pairing-code")).sendKeys(code, Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "paired"));
                browser.findElement(By.id("cashier")).sendKeys("1001");
                browser.findElement(By.id("pin")).sendKeys("1234", Keys.ENTER);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sale-view")));
                browser.get(agent.url() + "/manager/lanes.html"); // still signed in: the session is the tab's
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lanes"), "Yes"));
                Files.write(Path.of(System.getProperty("repo.root", ".."), "e2e/target/manager-lanes.png"),
                        browser.getScreenshotAs(OutputType.BYTES));
            } finally {
                browser.quit();
            }

            Till till = new Till(agent, "01", "1001", "1234");
            till.post("/api/till/shift/open", "{\"floatMinor\":10000}");
            String sale = till.openSale();
            assertEquals(220, till.scan(sale, barcode, 1).path("lines").get(0).path("unitPriceMinor").asLong(),
                    "the till sells at the store's price");
            Eventually.await("HQ lists the store's price", Duration.ofSeconds(30), () -> Http.get(hq.url()
                    + "/api/stores/0001/price-overrides").body().toString().contains("\"priceMinor\":220"));
            Eventually.await("HQ lists the delivery, the write-off and the count", Duration.ofSeconds(30),
                    () -> Http.get(hq.url() + "/api/stores/0001/stock-adjustments").body().size() == 3);
            Eventually.await("HQ's stock book has the store's 20", Duration.ofSeconds(30), () -> Http.get(hq.url()
                    + "/api/stock?store=0001&sku=BR-9").body().path(0).path("quantity").asLong() == 20);

            // The lane takes 2.20 in cash and closes its shift one yuan short: the manager's day shows the Z.
            till.post("/api/till/sales/" + sale + "/complete", "{\"tenders\":[{\"type\":\"CASH\","
                    + "\"amountMinor\":220}]}");
            till.post("/api/till/shift/close", "{\"counted\":[{\"valueMinor\":10000,\"count\":1},"
                    + "{\"valueMinor\":10,\"count\":12}]}");
            ChromeDriver reports = Browser.start();
            try {
                WebDriverWait wait = new WebDriverWait(reports, Duration.ofSeconds(15));
                Browser.openManagerPage(reports, wait, agent.url() + "/manager/shifts.html", "9001", "9999");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shifts"), "Z 1"));
                String shifts = reports.findElement(By.id("shifts")).getText();
                assertTrue(shifts.contains("102.20") && shifts.contains("101.20") && shifts.contains("-1.00"),
                        "expected 102.20, counted 101.20, variance -1.00: " + shifts);
                assertTrue(reports.findElement(By.id("tenders")).getText().contains("CASH"));
                Files.write(Path.of(System.getProperty("repo.root", ".."), "e2e/target/manager-shifts.png"),
                        reports.getScreenshotAs(OutputType.BYTES));

                // HQ's page of the store shows what its manager did: the price, the write-off, the trail.
                Eventually.await("HQ has the store's Z report", Duration.ofSeconds(30), () -> Http.get(hq.url()
                        + "/api/stores/0001/audit").body().toString().contains("SHIFT_CLOSED"));
                Browser.openHqPage(reports, wait, hq.url() + "/store.html?store=0001", "admin",
                        RetailSystem.ADMIN_PASSWORD);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("overrides"), "2.20"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stock"), "DAMAGED"));
                String trail = reports.findElement(By.id("audit")).getText();
                assertTrue(trail.contains("PROMOTION_ENDED") && trail.contains("PRICE_SET")
                        && trail.contains("SHIFT_CLOSED"), trail);
                Files.write(Path.of(System.getProperty("repo.root", ".."), "e2e/target/hq-store.png"),
                        reports.getScreenshotAs(OutputType.BYTES));
            } finally {
                reports.quit();
            }
        }
    }
}
