package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An online pickup order through the pages, in headless Chromium: the order centre page at HQ lists it, the
 * store manager picks it and makes it ready on the console's orders page, the cashier hands it over at the till
 * page with the pickup code (Ins), and HQ's page shows it completed with every change.
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
            Http.Reply placed = Http.post(hq.url() + "/api/orders", "{\"channel\":\"web\",\"channelOrderId\":"
                    + "\"web-page-1\",\"fulfilment\":\"PICKUP\",\"store\":\"0001\",\"customer\":{\"name\":\"王芳\"},"
                    + "\"lines\":[{\"sku\":\"OB-1\",\"quantity\":2}],\"prepaid\":true}");
            assertEquals(201, placed.status(), placed.body().toString());
            String pickupCode = placed.body().path("pickupCode").asText();

            ChromeDriver browser = Browser.start();
            try {
                WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
                Browser.openHqPage(browser, wait, hq.url() + "/orders.html", "admin", RetailSystem.ADMIN_PASSWORD);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "web web-page-1"));

                Browser.openManagerPage(browser, wait, agent.url() + "/manager/orders.html", "9001", "9999");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "王芳"));
                browser.findElement(By.xpath("//table[@id='orders']//button[text()='Open']")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pick-lines")));
                browser.findElement(By.xpath("//form[@id='pick']//button[@type='submit']")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Picking saved"));
                wait.until(ExpectedConditions.elementToBeClickable(By.id("ready"))).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Ready"));

                browser.get(pos.url() + "/");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cashier")));
                browser.switchTo().activeElement().sendKeys("1001");
                browser.findElement(By.id("pin")).sendKeys("1234", Keys.ENTER);
                wait.until(d -> "float-input".equals(d.switchTo().activeElement().getAttribute("id")));
                browser.switchTo().activeElement().sendKeys("100", Keys.ENTER);
                wait.until(d -> "scan".equals(d.switchTo().activeElement().getAttribute("id")));
                browser.switchTo().activeElement().sendKeys(Keys.INSERT);
                wait.until(d -> "pickup-input".equals(d.switchTo().activeElement().getAttribute("id")));
                browser.switchTo().activeElement().sendKeys(pickupCode, Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pickup-order"),
                        "王芳: 2 × 龙井茶 Longjing. Paid online."));
                browser.switchTo().activeElement().sendKeys(Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                        "handed over to 王芳"));
                Files.write(Path.of(System.getProperty("repo.root", ".."), "e2e/target/pickup-handover.png"),
                        browser.getScreenshotAs(OutputType.BYTES));

                // The tab still holds its HQ session from the first visit.
                browser.get(hq.url() + "/orders.html");
                Eventually.await("HQ has the order completed", PATIENCE, () -> "COMPLETED".equals(Http.get(hq.url()
                        + "/api/orders/" + placed.body().path("orderId").asText()).body().path("state").asText()));
                browser.findElement(By.id("filter")).submit();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "completed"));
                browser.findElement(By.xpath("//table[@id='orders']/tbody/tr[1]")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-changes"),
                        "1001 at lane 01 at store 0001"));
            } finally {
                browser.quit();
            }
        }
    }
}
