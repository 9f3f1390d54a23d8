package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.gtin.Gtin;
import io.chainretail.devices.scanner.ScanFraming;
import io.chainretail.devices.scanner.Symbology;
import io.chainretail.devices.sim.DisplaySimulator;
import io.chainretail.devices.sim.PtyPair;
import io.chainretail.devices.sim.ScannerSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A cashier at the real page in headless Chromium, keyboard only: sign in, count the float, scan, a
 * misread refused, a member whose promotion shows as savings (and the customer sees the sale on the second
 * screen and the pole display), cash with change, the receipt, a return of
 * one item, a no-sale refused with the cashier's PIN and approved with the manager's, the X report, the
 * shift closed with the drawer counted; HQ gets the day and it balances.
 */
class CashierPageBrowserIT {

    @Test
    void aCashierSellsWithTheKeyboardOnlyAndTheSaleReachesHq() throws Exception {
        try (RetailSystem system = new RetailSystem("browser")) {
            AppProcess hq = system.startHq();
            // Lane 01 has a serial scanner and a Chinese pole display (socat pty pairs, the simulators on the far
            // end), a receipt printer (the simulator inside the agent), and a second screen for the customer.
            PtyPair cable = cable(system, "lane-01-scanner");
            PtyPair displayCable = cable(system, "lane-01-display");
            DisplaySimulator pole = new DisplaySimulator(displayCable.deviceEnd(), 20);
            AppProcess agent = system.startAgent("0001", Map.of("agent.lanes.\"01\".printer", "simulated",
                    "agent.lanes.\"01\".scanner", "serial:" + cable.driverEnd(),
                    "agent.lanes.\"01\".display", "serial:" + displayCable.driverEnd(),
                    "agent.lanes.\"01\".display-charset", "gb18030"));
            AppProcess pos = system.startPos(agent, "01");
            String barcode = Gtin.withCheckDigit("690555000001");
            assertEquals(200, Http.post(hq.url() + "/api/products", "{\"sku\":\"BR-1\",\"name\":\"矿泉水 550ml\","
                    + "\"barcodes\":[\"" + barcode + "\"],\"priceMinor\":250}").status());
            assertEquals(200, Http.put(hq.url() + "/api/member-tiers/gold", "{\"name\":\"Gold\"}").status());
            assertEquals(200, Http.put(hq.url() + "/api/members/M0042", "{\"cardNo\":\"M0042\",\"phone\":"
                    + "\"13900000042\",\"name\":\"王芳\",\"tier\":\"gold\",\"pointsBalance\":120,"
                    + "\"offlineRedeemLimit\":100,\"active\":true}").status());
            assertEquals(200, Http.put(hq.url() + "/api/promotions/WATER10", "{\"code\":\"WATER10\",\"name\":"
                    + "\"Members: water 10% off\",\"active\":true,\"type\":\"PERCENT_OFF\",\"items\":{\"skus\":"
                    + "[\"BR-1\"]},\"percentOffBp\":1000,\"memberOnly\":true,\"targets\":{\"chain\":true},"
                    + "\"schedule\":{\"from\":\"2026-01-01T00:00\"}}").status());
            Eventually.await("the store is identical to HQ", Duration.ofSeconds(30), () -> Http.get(hq.url()
                    + "/api/sync/stores/0001/replica").body().path("identical").asBoolean());

            ChromeDriver browser = Browser.start();
            ChromeDriver customerScreen = Browser.start();
            // The scanner stays on its line, as a real one does (closing a pty at once can drop its bytes).
            ScannerSimulator gun = new ScannerSimulator(cable.deviceEnd(), null, ScanFraming.Suffix.CRLF);
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
                WebDriverWait customerWait = new WebDriverWait(customerScreen, Duration.ofSeconds(15));
                customerScreen.get(pos.url() + "/customer.html");
                customerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
                pole.await(List.of("Welcome", "")::equals, Duration.ofSeconds(15));
                // Every step is typed into whatever has focus, as with a keyboard-wedge scanner. No shift yet on
                // this lane: the float dialog comes first.
                Browser.signInAtTill(browser, wait, pos.url(), "1001", "1234", "100");
                assertTrue(browser.findElement(By.id("message")).getText().contains("float of 100.00"));

                // One bottle found by name (its label is torn), one scanned.
                browser.switchTo().activeElement().sendKeys("矿泉", Keys.ENTER);
                wait.until(d -> "search-input".equals(d.switchTo().activeElement().getAttribute("id")));
                browser.switchTo().activeElement().sendKeys(Keys.ENTER);
                wait.until(ExpectedConditions.textToBe(By.id("total"), "2.50"));
                wait.until(d -> "scan".equals(d.switchTo().activeElement().getAttribute("id")));
                // The second bottle through the lane's serial scanner: the scan is pushed to the page.
                gun.scan(Symbology.EAN13, barcode);
                wait.until(ExpectedConditions.textToBe(By.id("total"), "5.00"));
                assertTrue(browser.findElement(By.id("lines")).getText().contains("矿泉水 550ml"));

                browser.switchTo().activeElement().sendKeys("6901234567893", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Misread"));
                assertEquals("5.00", browser.findElement(By.id("total")).getText(), "a misread adds nothing");

                // F1: the last line becomes three bottles, then one again (the quantity after the scan).
                browser.switchTo().activeElement().sendKeys(Keys.F1);
                wait.until(d -> "quantity-input".equals(d.switchTo().activeElement().getAttribute("id")));
                assertEquals("2", browser.findElement(By.id("quantity-line")).getAttribute("value"));
                browser.switchTo().activeElement().sendKeys("3", Keys.ENTER);
                wait.until(ExpectedConditions.textToBe(By.id("total"), "10.00"));
                browser.switchTo().activeElement().sendKeys(Keys.F1);
                wait.until(d -> "quantity-input".equals(d.switchTo().activeElement().getAttribute("id")));
                browser.switchTo().activeElement().sendKeys("1", Keys.ENTER);
                wait.until(ExpectedConditions.textToBe(By.id("total"), "5.00"));

                // F4, the member's phone: the member promotion takes 10% off each bottle.
                browser.switchTo().activeElement().sendKeys(Keys.F4);
                wait.until(d -> "member-input".equals(d.switchTo().activeElement().getAttribute("id")));
                browser.switchTo().activeElement().sendKeys("13900000042", Keys.ENTER);
                wait.until(ExpectedConditions.textToBe(By.id("total"), "4.50"));
                assertEquals("0.50", browser.findElement(By.id("savings")).getText());
                assertTrue(browser.findElement(By.id("member-panel")).getText().contains("王芳"));
                assertTrue(browser.findElement(By.id("lines")).getText().contains("Members: water 10% off"));
                wait.until(d -> "scan".equals(d.switchTo().activeElement().getAttribute("id")));
                // The customer sees the same sale, on the second screen and on the pole display.
                customerWait.until(ExpectedConditions.textToBe(By.id("total"), "4.50"));
                assertEquals("0.50", customerScreen.findElement(By.id("savings")).getText());
                assertTrue(customerScreen.findElement(By.id("lines")).getText().contains("矿泉水 550ml"));
                assertFalse(customerScreen.getPageSource().contains("王芳"), "nothing of the member");
                pole.await(List.of("矿泉水 550ml    2.25", "TOTAL           4.50")::equals, Duration.ofSeconds(15));

                browser.switchTo().activeElement().sendKeys(Keys.F12);
                wait.until(d -> "cash".equals(d.switchTo().activeElement().getAttribute("id")));
                // A keyboard-wedge scan fired into the cash field (a burst ending in Enter) is not paid.
                browser.switchTo().activeElement().sendKeys("6901234567892", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "That was a scan"));
                assertEquals("", browser.findElement(By.id("cash")).getAttribute("value"));
                browser.switchTo().activeElement().sendKeys("20", Keys.ENTER);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
                assertEquals("15.50", browser.findElement(By.id("change")).getText());
                customerWait.until(ExpectedConditions.textToBe(By.id("change"), "15.50"));
                assertEquals("20.00", customerScreen.findElement(By.id("paid")).getText());
                Files.write(Path.of(System.getProperty("repo.root", ".."), "e2e/target/customer-screen.png"),
                        customerScreen.getScreenshotAs(OutputType.BYTES));
                pole.await(List.of("TOTAL           4.50", "CHANGE         15.50")::equals, Duration.ofSeconds(15));
                assertTrue(browser.findElement(By.id("receipt")).getText().contains("TOTAL"));
                assertTrue(browser.findElement(By.id("receipt")).getText().contains("WATER10"));
                wait.until(d -> "scan".equals(d.switchTo().activeElement().getAttribute("id")));
                // ...and the same receipt came out of the lane's printer.
                Path printed = system.agentDataDir("0001").resolve("printed/01/receipt-1.txt");
                Eventually.await("the receipt printed", Duration.ofSeconds(15), () -> Files.exists(printed));
                String paper = Files.readString(printed);
                assertTrue(paper.contains("WATER10"), paper);
                String saleLine = browser.findElement(By.id("receipt")).getText().lines()
                        .filter(line -> line.startsWith("Sale ")).findFirst().orElseThrow();
                assertTrue(paper.contains(saleLine), "the printed receipt is this sale's: " + paper);

                // F9: the customer brings one bottle back; the last receipt's sale, line 1, one unit.
                browser.switchTo().activeElement().sendKeys(Keys.F9);
                wait.until(d -> "return-sale".equals(d.switchTo().activeElement().getAttribute("id")));
                browser.switchTo().activeElement().sendKeys(Keys.ENTER);
                wait.until(ExpectedConditions.textToBe(By.id("receipt-kind"), "Refund"));
                assertEquals("2.25", browser.findElement(By.id("change")).getText());
                assertTrue(browser.findElement(By.id("receipt")).getText().contains("RETURN"));
                wait.until(d -> "scan".equals(d.switchTo().activeElement().getAttribute("id")));

                // F5 no sale: the cashier's own PIN does not open the drawer; the manager's does.
                browser.switchTo().activeElement().sendKeys(Keys.F5);
                wait.until(d -> "nosale-approver".equals(d.switchTo().activeElement().getAttribute("id")));
                browser.switchTo().activeElement().sendKeys("1001");
                browser.findElement(By.id("nosale-pin")).sendKeys("1234", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "manager"));
                browser.findElement(By.id("nosale-approver")).clear();
                browser.findElement(By.id("nosale-approver")).sendKeys("9001");
                browser.findElement(By.id("nosale-pin")).sendKeys("9999", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Drawer opened"));
                wait.until(d -> "scan".equals(d.switchTo().activeElement().getAttribute("id")));

                // F2 X report: float 100.00 + cash 4.50 - refund 2.25.
                browser.switchTo().activeElement().sendKeys(Keys.F2);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report"), "102.25"));
                assertTrue(browser.findElement(By.id("report")).getText().contains("No-sales"));

                Path shot = Path.of(System.getProperty("repo.root", ".."), "e2e/target/cashier-page.png");
                Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));

                // F3 close the shift: one 100, two 1.00, two 0.10 counted, 0.05 short.
                browser.switchTo().activeElement().sendKeys(Keys.F3);
                wait.until(d -> "count-0".equals(d.switchTo().activeElement().getAttribute("id")));
                typeCount(browser, "count-0", "1");
                typeCount(browser, "count-5", "2");
                typeCount(browser, "count-7", "2");
                browser.findElement(By.id("count-7")).sendKeys(Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-title"), "Z report #1"));
                assertTrue(browser.findElement(By.id("report")).getText().contains("-0.05"));
                assertTrue(browser.findElement(By.id("message")).getText().contains("Variance -0.05"));
                Files.write(shot.resolveSibling("cashier-z-report.png"), browser.getScreenshotAs(OutputType.BYTES));

                Eventually.await("HQ has the browser's sale", Duration.ofSeconds(30),
                        () -> Http.get(hq.url() + "/api/stores/0001/sales").body().toString()
                                .contains("\"totalMinor\":450"));
                String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
                Eventually.await("HQ has the refund and the Z report", Duration.ofSeconds(30), () -> {
                    var day = Http.get(hq.url() + "/api/stores/0001/reconciliation/" + today).body();
                    return day.path("returns").asInt() == 1 && day.path("shifts").size() == 1;
                });

                // HQ's reconciliation page shows the day: one sale, one return, the lane closed, balanced. The
                // store's manager signs in first (the page sends them to sign-in and back).
                assertEquals(200, Http.put(hq.url() + "/api/users/manager.0001", "{\"displayName\":\"Manager\","
                        + "\"role\":\"store-manager\",\"store\":\"0001\",\"password\":\"manager-0001-pw\"}").status());
                Browser.openHqPage(browser, wait, hq.url() + "/reconciliation.html?store=0001&day=" + today,
                        "manager.0001", "manager-0001-pw");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "1 sales (4.50)"));
                assertEquals("Balanced", browser.findElement(By.id("verdict")).getText());
                Files.write(shot.resolveSibling("hq-reconciliation.png"), browser.getScreenshotAs(OutputType.BYTES));
            } finally {
                browser.quit();
                customerScreen.quit();
                gun.close();
                cable.close();
                pole.close();
                displayCable.close();
            }
        }
    }

    /** A pty pair between a lane device and the agent; socat is required (CI installs it). */
    private static PtyPair cable(RetailSystem system, String name) throws Exception {
        if (!PtyPair.available()) {
            throw new IllegalStateException("the cashier page test needs socat for its devices: apt-get install socat");
        }
        return new PtyPair(system.agentDataDir("0001").resolveSibling("pty"), name);
    }

    private static void typeCount(ChromeDriver browser, String field, String count) {
        browser.findElement(By.id(field)).clear();
        browser.findElement(By.id(field)).sendKeys(count);
    }
}
