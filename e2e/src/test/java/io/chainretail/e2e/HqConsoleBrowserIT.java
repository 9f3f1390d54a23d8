package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.gtin.Gtin;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.mqtt.PahoMqttLink;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.Topics;
import io.chainretail.core.sync.payload.SaleCompleted;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * HQ's console in headless Chromium: an HQ admin signs in, authors a chain-wide 10% off the water,
 * prices a basket at store 0001 with it before the stores have it, a till of that store applies it
 * after sync, the sales dashboard shows the store's day, and the stores page shows it online and identical;
 * then the catalog page imports CSV (a bad file refused with its line), reprices a product and bounds it, the
 * members page adds a member, and the audit page names who did both.
 */
class HqConsoleBrowserIT {

    @Test
    void hqAuthorsAChainPromotionAndATillAppliesItAfterSync() throws Exception {
        try (RetailSystem system = new RetailSystem("hq-console")) {
            AppProcess hq = system.startHq();
            AppProcess agent = system.startAgent("0001");
            String barcode = Gtin.withCheckDigit("690555000016");
            assertEquals(200, Http.post(hq.url() + "/api/products", "{\"sku\":\"BR-5\",\"name\":\"Water 5l\","
                    + "\"barcodes\":[\"" + barcode + "\"],\"priceMinor\":300}").status());

            ChromeDriver browser = Browser.start();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
                Browser.openHqPage(browser, wait, hq.url() + "/promotions.html", "admin", RetailSystem.ADMIN_PASSWORD);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code"))).sendKeys("W10");
                browser.findElement(By.id("name")).sendKeys("Water 10% off");
                browser.findElement(By.id("value")).sendKeys("10");
                browser.findElement(By.id("skus")).sendKeys("BR-5");
                browser.findElement(By.id("promotion")).submit();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                        "Published W10 version 1"));

                browser.findElement(By.id("preview-store")).sendKeys("0001");
                browser.findElement(By.id("preview-lines")).sendKeys("BR-5 x2", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-total"),
                        "Total 5.40, saving 0.60"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-result"), "W10 v1"));
                Files.write(Path.of(System.getProperty("repo.root", ".."), "e2e/target/hq-promotions.png"),
                        browser.getScreenshotAs(OutputType.BYTES));
            } finally {
                browser.quit();
            }

            Eventually.await("the store has the promotion", Duration.ofSeconds(30), () -> Http.get(hq.url()
                    + "/api/sync/stores/0001/replica").body().path("identical").asBoolean());
            Till till = new Till(agent, "01", "1001", "1234");
            till.post("/api/till/shift/open", "{\"floatMinor\":10000}");
            String sale = till.openSale();
            var priced = till.scan(sale, barcode, 2);
            assertEquals(540, priced.path("totalMinor").asLong(), "the till applies HQ's promotion: " + priced);
            assertEquals("W10", priced.path("lines").get(0).path("promotions").get(0).path("code").asText());
            till.post("/api/till/sales/" + sale + "/complete",
                    "{\"tenders\":[{\"type\":\"CASH\",\"amountMinor\":1000}]}");
            Eventually.await("HQ has the sale", Duration.ofSeconds(30), () -> Http.get(hq.url()
                    + "/api/stores/0001/sales").body().size() == 1);

            // The dashboard shows the store's day: one sale of 5.40, the water on top, the day's verdict.
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            browser = Browser.start();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
                Browser.openHqPage(browser, wait, hq.url() + "/dashboard.html?from=" + today + "&to=" + today, "admin",
                        RetailSystem.ADMIN_PASSWORD);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("headline"), "1 sales, 5.40"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("net"), "(0) = net 5.40"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trend"), "Net new against"));
                assertEquals("page", browser.findElement(By.linkText("Sales")).getAttribute("aria-current"),
                        "the navigation marks the page it is on");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("top-products"), "BR-5 Water 5l"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("by-store"), "0001"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("exceptions"), "0001"));
                Files.write(Path.of(System.getProperty("repo.root", ".."), "e2e/target/hq-dashboard.png"),
                        browser.getScreenshotAs(OutputType.BYTES));

                // The stores page: 0001 online, and identical to HQ when asked.
                browser.findElement(By.linkText("Stores")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stores"), "online"));
                browser.findElement(By.cssSelector("#stores button")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stores"), "identical to HQ"));

                // An admin issues a new store its broker account: shown once, listed without the password.
                assertEquals(200, Http.put(hq.url() + "/api/stores/0009", "{\"code\":\"0009\",\"name\":\"Store 9\","
                        + "\"region\":\"E2E\",\"timezone\":\"Asia/Shanghai\",\"currency\":\"CNY\"}").status());
                browser.findElement(By.id("issue-store")).sendKeys("0009", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("credential"),
                        "user store-0009, password "));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts"), "store-0009"));

                catalogAndMembers(hq, browser, wait);
                quarantine(system, hq, browser, wait);
            } finally {
                browser.quit();
            }
        }
    }

    /**
     * A sale the store sends with a lane longer than HQ keeps is held in the quarantine, not stored; the
     * quarantine page shows it with the reason, and an admin dismisses it with a note.
     */
    private static void quarantine(RetailSystem system, AppProcess hq, ChromeDriver browser, WebDriverWait wait)
            throws Exception {
        SyncCodec codec = new SyncCodec();
        SaleCompleted.SaleLine line = new SaleCompleted.SaleLine(1, "BR-5", null, "Water 5l", 1, null, 300, 300, 0,
                300, "STD", 0, 300, List.of());
        SaleCompleted sale = new SaleCompleted(EventIds.next().toString(), "01", 900_001, "1001", Instant.now(),
                "CNY", null, List.of(), List.of(line), 0, 0, 300, List.of(new SaleCompleted.Tender("CASH", 300)), 0,
                0, 0, 0, 0, false);
        Envelope<SaleCompleted> event = new Envelope<>(MessageSchema.SALE, EventIds.next(), system.chain(), "0001",
                null, 900_001L, Instant.now(), sale);
        String tooLong = new String(codec.encode(event), StandardCharsets.UTF_8)
                .replace("\"lane\":\"01\"", "\"lane\":\"lane-with-17-chars\"");
        try (PahoMqttLink store = new PahoMqttLink(system.storeBroker("0001").settings("store-0001@quarantine")
                .withSessionExpiry(Duration.ZERO))) {
            store.start();
            Eventually.await("connected as store 0001", Duration.ofSeconds(15), store::isConnected);
            store.publish(new Topics(system.chain()).up("0001", "sale"), tooLong.getBytes(StandardCharsets.UTF_8),
                    false).get(10, TimeUnit.SECONDS);
        }
        Eventually.await("HQ holds the sale in its quarantine", Duration.ofSeconds(30),
                () -> Http.get(hq.url() + "/api/quarantine?store=0001").body().size() == 1);

        browser.findElement(By.linkText("Quarantine")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("held"), "lane"));
        assertTrue(browser.findElement(By.id("held")).getText().contains("0001"));
        Files.write(Path.of(System.getProperty("repo.root", ".."), "e2e/target/hq-quarantine.png"),
                browser.getScreenshotAs(OutputType.BYTES));
        browser.findElement(By.xpath("//table[@id='held']//button[text()='Dismiss']")).click();
        wait.until(ExpectedConditions.alertIsPresent());
        browser.switchTo().alert().sendKeys("test event from the browser test");
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Dismissed."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("held"), "Nothing held."));
        assertEquals("DISMISSED", Http.get(hq.url() + "/api/quarantine/" + event.id()).body().path("state").asText());
        assertEquals(0, Http.get(hq.url() + "/api/stores/0001/sales").body().findValues("saleId").stream()
                .filter(id -> id.asText().equals(sale.saleId())).count(), "the held sale is not stored");
    }

    /**
     * The catalog page: a CSV file with a bad barcode is refused whole with the line named, the corrected
     * file imports; a product is found, repriced and given bounds for store managers. The members page
     * creates a member and finds it by phone.
     */
    private static void catalogAndMembers(AppProcess hq, ChromeDriver browser, WebDriverWait wait)
            throws Exception {
        assertEquals(200, Http.put(hq.url() + "/api/member-tiers/GOLD", "{\"name\":\"Gold\"}").status());
        Path dir = Files.createDirectories(Path.of(System.getProperty("repo.root", ".."), "e2e/target/console-csv"));
        String good = Gtin.withCheckDigit("690555000023");
        String header = "sku,name,price_minor,barcodes\n";
        Path bad = Files.writeString(dir.resolve("bad.csv"), header + "CSV-1,Rice 5kg,3990," + good + "\n"
                + "CSV-2,Rice 10kg,7590,6905550000238\n");
        Path fixed = Files.writeString(dir.resolve("fixed.csv"), header + "CSV-1,Rice 5kg,3990," + good + "\n"
                + "CSV-2,Rice 10kg,7590,\n");

        browser.findElement(By.linkText("Catalog")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("products"), "BR-5"));
        browser.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#import button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Nothing was imported"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
        String problems = browser.findElement(By.id("problems")).getText();
        assertTrue(problems.contains("3") && problems.contains("barcodes"), "line 3's barcode: " + problems);

        browser.findElement(By.id("file")).clear();
        browser.findElement(By.id("file")).sendKeys(fixed.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#import button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Imported 2 products rows"));

        // A long list comes a page at a time.
        StringBuilder sixty = new StringBuilder(header);
        for (int i = 1; i <= 60; i++) {
            sixty.append(String.format("PAGE-%02d,Page product %d,100,%n", i, i));
        }
        Path paged = Files.writeString(dir.resolve("paged.csv"), sixty);
        browser.findElement(By.id("file")).clear();
        browser.findElement(By.id("file")).sendKeys(paged.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#import button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Imported 60 products rows"));
        browser.findElement(By.id("q")).sendKeys("PAGE-", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("products-pages"), "rows 1\u201350"));
        browser.findElement(By.xpath("//nav[@id='products-pages']/button[2]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("products-pages"), "rows 51\u201360"));
        assertTrue(browser.findElement(By.id("products")).getText().contains("PAGE-60"));
        assertFalse(browser.findElement(By.xpath("//nav[@id='products-pages']/button[2]")).isEnabled(),
                "the last page has no next");
        browser.findElement(By.id("q")).clear();

        browser.findElement(By.id("q")).sendKeys("rice", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("products"), "CSV-2"));
        browser.findElement(By.xpath("//table[@id='products']//td[text()='CSV-1']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("sku"), "value", "CSV-1"));
        browser.findElement(By.id("price")).clear();
        browser.findElement(By.id("price")).sendKeys("41.50", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Saved CSV-1 at 41.50"));
        browser.findElement(By.id("bound-store")).sendKeys("0001");
        browser.findElement(By.id("floor")).sendKeys("39.00");
        browser.findElement(By.id("ceiling")).sendKeys("45.00", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bounds"), "45.00"));
        Files.write(Path.of(System.getProperty("repo.root", ".."), "e2e/target/hq-catalog.png"),
                browser.getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.linkText("Members")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card"))).sendKeys("88880001");
        browser.findElement(By.id("name")).sendKeys("王芳");
        browser.findElement(By.id("phone")).sendKeys("13800138000");
        browser.findElement(By.id("tier")).sendKeys("GOLD");
        browser.findElement(By.id("member")).submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Saved member 88880001"));
        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("q")).sendKeys("138001", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), "王芳"));

        // HQ's audit log names who changed the product and the member.
        browser.findElement(By.linkText("Audit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "/api/products/CSV-1"));
        assertTrue(browser.findElement(By.id("audit")).getText().contains("/api/members/88880001"));
    }
}
