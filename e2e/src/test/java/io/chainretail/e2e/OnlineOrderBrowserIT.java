package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An online pickup order through the pages, in headless Chromium: a customer orders two teas on HQ's shop page
 * for pickup at store 0001 and gets a pickup code and its QR code; the order centre page at HQ lists it, the store
 * manager picks it and makes it ready on the console's orders page, the cashier finds it at the till page with the
 * pickup code (Ins) and takes the cash, and HQ's page and the customer's show it completed. Then a delivery paid
 * on delivery comes back undelivered (taken back on the console), goes out again and is settled at the till page
 * when its driver is back.
 */
class OnlineOrderBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void anOrderIsPickedAtTheConsoleAndHandedOverAtTheTillPage() throws Exception {
        try (RetailSystem system = new RetailSystem("online-order-pages")) {
            AppProcess hq = system.startHq();
            AppProcess agent = system.startAgent("0001");
            AppProcess pos = system.startPos(agent, "01");
            assertEquals(200, Http.put(hq.url() + "/api/products/OB-1", "{\"sku\":\"OB-1\",\"name\":\"龙井茶 Longjing\","
                    + "\"barcodes\":[],\"priceMinor\":3800}").status());
            String manager = Http.post(agent.url() + "/api/manager/signin", "{\"id\":\"9001\",\"pin\":\"9999\"}")
                    .body().path("token").asText();
            Eventually.await("the store sells OB-1 and books 5 in", PATIENCE, () -> Http.post(agent.url()
                    + "/api/stock/OB-1/adjustments", "{\"kind\":\"RECEIVED\",\"quantity\":5,\"note\":\"DN-2\"}",
                    "Authorization", "Bearer " + manager).status() == 200);
            Eventually.await("HQ books the 5", PATIENCE, () -> Http.get(hq.url() + "/api/stock?store=0001&sku=OB-1")
                    .body().path(0).path("quantity").asLong() == 5);
            ChromeDriver browser = Browser.start();
            try {
                WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
                // The customer, on HQ's shop page: store 0001, the tea found by its Chinese name, two in the cart.
                browser.get(hq.url() + "/shop/");
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-store='0001']")))
                        .click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("products"), "5 available"));
                browser.findElement(By.id("q")).sendKeys("龙井", Keys.ENTER);
                By add = By.cssSelector("button[aria-label='Add 龙井茶 Longjing']");
                clickAfresh(browser, add);
                wait.until(ExpectedConditions.textToBe(By.id("total"), "¥38.00"));
                clickAfresh(browser, add);
                wait.until(ExpectedConditions.textToBe(By.id("total"), "¥76.00"));
                browser.findElement(By.id("name")).sendKeys("王芳");
                browser.findElement(By.id("phone")).sendKeys("13800000000");
                browser.findElement(By.id("place")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pickup-code")));
                wait.until(d -> d.findElement(By.id("pickup-code")).getText().matches("\\d{8}"));
                String pickupCode = browser.findElement(By.id("pickup-code")).getText();
                String orderUrl = browser.getCurrentUrl();
                wait.until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "const qr = document.getElementById('pickup-qr'); return qr.complete && qr.naturalWidth > 0;"));
                Files.write(Path.of(System.getProperty("repo.root", ".."), "e2e/target/shop-order.png"),
                        browser.getScreenshotAs(OutputType.BYTES));
                String orderId = orderUrl.substring(orderUrl.indexOf("order=") + 6);

                Browser.openHqPage(browser, wait, hq.url() + "/orders.html", "admin", RetailSystem.ADMIN_PASSWORD);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "王芳"));

                Browser.openManagerPage(browser, wait, agent.url() + "/manager/orders.html", "9001", "9999");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "王芳"));
                clickAfresh(browser, By.xpath("//table[@id='orders']//button[text()='Open']"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pick-lines")));
                browser.findElement(By.xpath("//form[@id='pick']//button[@type='submit']")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Picking saved"));
                wait.until(ExpectedConditions.elementToBeClickable(By.id("ready"))).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Ready"));

                Browser.signInAtTill(browser, wait, pos.url(), "1001", "1234", "100");
                browser.switchTo().activeElement().sendKeys(Keys.INSERT);
                wait.until(d -> "pickup-input".equals(d.switchTo().activeElement().getAttribute("id")));
                browser.switchTo().activeElement().sendKeys(pickupCode, Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pickup-order"),
                        "王芳: 2 × 龙井茶 Longjing. Pays 76.00 now."));
                // The customer pays at pickup: the cash field has the total; a 100 note gives 24.00 change.
                wait.until(d -> "pickup-cash".equals(d.switchTo().activeElement().getAttribute("id")));
                browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "a"), "100", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                        "handed over to 王芳. Change 24.00."));
                Files.write(Path.of(System.getProperty("repo.root", ".."), "e2e/target/pickup-handover.png"),
                        browser.getScreenshotAs(OutputType.BYTES));

                // The tab still holds its HQ session from the first visit.
                browser.get(hq.url() + "/orders.html");
                Eventually.await("HQ has the order completed", PATIENCE, () -> "COMPLETED".equals(Http.get(hq.url()
                        + "/api/orders/" + orderId).body().path("state").asText()));
                Eventually.await("HQ has all of store 0001's journal", PATIENCE, () -> Http.get(agent.url()
                        + "/api/sync").body().path("uplinkBacklog").asLong() == 0);
                assertEquals(3, Http.get(hq.url() + "/api/stock?store=0001&sku=OB-1").body().path(0).path("quantity")
                        .asLong(), "the two teas left store 0001's stock at HQ once");
                browser.findElement(By.id("filter")).submit();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "completed"));
                clickAfresh(browser, By.xpath("//table[@id='orders']/tbody/tr[1]"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-changes"),
                        "1001 at lane 01 at store 0001"));

                // The customer's page shows the order completed.
                browser.get(orderUrl);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-state"), "Completed"));

                settleADeliveryAtTheTillPage(browser, wait, hq, agent, pos, manager);
            } finally {
                browser.quit();
            }
        }
    }

    /**
     * A delivery paid on delivery: placed by a channel, picked and sent out by the manager, back undelivered (the
     * console's "Delivery failed"), sent out again, then settled at the till page with its code when the driver is
     * back with the cash; HQ shows it completed, the tea gone once.
     */
    private static void settleADeliveryAtTheTillPage(ChromeDriver browser, WebDriverWait wait, AppProcess hq,
            AppProcess agent, AppProcess pos, String manager) throws Exception {
        assertEquals(200, Http.put(hq.url() + "/api/stores/0001/delivery-area", "{\"latitude\":31.2300,"
                + "\"longitude\":121.4800,\"radiusMetres\":5000}").status());
        Http.Reply placed = Http.post(hq.url() + "/api/orders", "{\"channel\":\"app\",\"channelOrderId\":\"app-b-1\","
                + "\"fulfilment\":\"DELIVERY\",\"customer\":{\"name\":\"韩梅梅\",\"phone\":\"13700000000\"},"
                + "\"address\":\"上海市黄浦区南京东路 1 号\",\"latitude\":31.2300,\"longitude\":121.4700,"
                + "\"lines\":[{\"sku\":\"OB-1\",\"quantity\":1}],\"prepaid\":false}");
        assertEquals(201, placed.status(), placed.body().toString());
        String orderId = placed.body().path("orderId").asText();
        Eventually.await("the store has the delivery", PATIENCE, () -> Http.get(agent.url() + "/api/orders/"
                + orderId, "Authorization", "Bearer " + manager).status() == 200);
        for (String step : new String[] {"pick", "ready", "out-for-delivery"}) {
            Http.Reply reply = Http.post(agent.url() + "/api/orders/" + orderId + "/" + step, step.equals("pick")
                    ? "{\"lines\":[{\"lineNo\":1,\"picked\":1}]}" : "", "Authorization", "Bearer " + manager);
            assertEquals(200, reply.status(), step + ": " + reply.body());
        }
        // No one was home: the manager takes the delivery back on the console, and sends it out again.
        browser.get(agent.url() + "/manager/orders.html"); // the tab keeps the manager's session from before
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "韩梅梅"));
        clickAfresh(browser, By.xpath("//table[@id='orders']//tr[contains(., '韩梅梅')]//button[text()='Open']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("failed-reason"))).sendKeys("no one home");
        browser.findElement(By.xpath("//form[@id='failed']//button[@type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Back in the store"));
        Eventually.await("HQ has the delivery ready again", PATIENCE, () -> "READY".equals(Http.get(hq.url()
                + "/api/orders/" + orderId).body().path("state").asText()));
        assertEquals(200, Http.post(agent.url() + "/api/orders/" + orderId + "/out-for-delivery", "",
                "Authorization", "Bearer " + manager).status());

        browser.get(pos.url() + "/");
        wait.until(d -> "scan".equals(d.switchTo().activeElement().getAttribute("id")));
        browser.switchTo().activeElement().sendKeys(Keys.INSERT);
        wait.until(d -> "pickup-input".equals(d.switchTo().activeElement().getAttribute("id")));
        browser.switchTo().activeElement().sendKeys(placed.body().path("pickupCode").asText(), Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pickup-order"),
                "Delivery to 韩梅梅: 1 × 龙井茶 Longjing. The driver hands in 38.00."));
        wait.until(ExpectedConditions.textToBe(By.id("pickup-go"), "Settle the delivery (Enter)"));
        wait.until(d -> "pickup-cash".equals(d.switchTo().activeElement().getAttribute("id")));
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "delivered to 韩梅梅."));
        Eventually.await("HQ has the delivery completed", PATIENCE, () -> "COMPLETED".equals(Http.get(hq.url()
                + "/api/orders/" + orderId).body().path("state").asText()));
        Eventually.await("the delivered tea left store 0001's stock at HQ once", PATIENCE, () -> Http.get(hq.url()
                + "/api/stock?store=0001&sku=OB-1").body().path(0).path("quantity").asLong() == 2);
    }

    /** Clicks what {@code what} finds, finding it again while the page draws its list anew. */
    private static void clickAfresh(ChromeDriver browser, By what) {
        new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(what).click();
            return true;
        });
    }
}
