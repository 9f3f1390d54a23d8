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
import org.openqa.selenium.support.ui.WebDriverWait;

/** A cashier at the real page in headless Chromium: sign in, scan, take cash, see the receipt; HQ gets the sale. */
class CashierPageBrowserIT {

    @Test
    void aCashierSellsWithTheKeyboardOnlyAndTheSaleReachesHq() throws Exception {
        try (RetailSystem system = new RetailSystem("browser")) {
            AppProcess hq = system.startHq();
            AppProcess agent = system.startAgent("0001");
            AppProcess pos = system.startPos(agent, "01");
            String barcode = Gtin.withCheckDigit("690555000001");
            assertEquals(200, Http.post(hq.url() + "/api/products", "{\"sku\":\"BR-1\",\"name\":\"矿泉水 550ml\","
                    + "\"barcodes\":[\"" + barcode + "\"],\"priceMinor\":250}").status());
            Eventually.await("the store has the product", Duration.ofSeconds(30),
                    () -> Http.get(agent.url() + "/api/products/by-barcode/" + barcode).status() == 200);

            ChromeDriver browser = Browser.start();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
                browser.get(pos.url() + "/");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cashier")));

                // Every step is typed into whatever has focus, as with a keyboard-wedge scanner.
                browser.switchTo().activeElement().sendKeys("1001");
                browser.findElement(By.id("pin")).sendKeys("1234", Keys.ENTER);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan")));
                wait.until(d -> "scan".equals(d.switchTo().activeElement().getAttribute("id")));

                browser.switchTo().activeElement().sendKeys("2*" + barcode, Keys.ENTER);
                wait.until(ExpectedConditions.textToBe(By.id("total"), "5.00"));
                assertTrue(browser.findElement(By.id("lines")).getText().contains("矿泉水 550ml"));

                browser.switchTo().activeElement().sendKeys("6901234567893", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Misread"));
                assertEquals("5.00", browser.findElement(By.id("total")).getText(), "a misread adds nothing");

                browser.switchTo().activeElement().sendKeys(Keys.F12);
                wait.until(d -> "cash".equals(d.switchTo().activeElement().getAttribute("id")));
                browser.switchTo().activeElement().sendKeys("20", Keys.ENTER);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
                assertEquals("15.00", browser.findElement(By.id("change")).getText());
                assertTrue(browser.findElement(By.id("receipt")).getText().contains("TOTAL"));
                wait.until(d -> "scan".equals(d.switchTo().activeElement().getAttribute("id")));

                Path shot = Path.of(System.getProperty("repo.root", ".."), "e2e/target/cashier-page.png");
                Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
            } finally {
                browser.quit();
            }
            Eventually.await("HQ has the browser's sale", Duration.ofSeconds(30),
                    () -> Http.get(hq.url() + "/api/stores/0001/sales").body().toString()
                            .contains("\"totalMinor\":500"));
        }
    }
}
