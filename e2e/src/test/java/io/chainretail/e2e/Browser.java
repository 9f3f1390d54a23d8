package io.chainretail.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver. Without them the browser tests skip
 * loudly on a developer machine, and fail in CI (where {@code CI} is set), since CI must run them.
 */
final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    static ChromeDriver start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String message = "Browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message + ", and CI must run them.");
            }
            System.err.println("!!!!!!!!!! SKIPPING BROWSER TEST: " + message + " !!!!!!!!!!");
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * Opens a page of HQ's console and signs in on the sign-in page it sends the browser to; the console
     * then comes back to the page.
     */
    static void openHqPage(ChromeDriver browser, WebDriverWait wait, String url, String user, String password) {
        browser.get(url);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        awaitBackFromSignIn(browser);
    }

    /** The same for a page of the store manager's console, with a manager's id and PIN. */
    static void openManagerPage(ChromeDriver browser, WebDriverWait wait, String url, String manager, String pin) {
        browser.get(url);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("manager-id"))).sendKeys(manager);
        browser.findElement(By.id("pin")).sendKeys(pin, Keys.ENTER);
        awaitBackFromSignIn(browser);
    }

    /**
     * Opens a till's cashier page, signs the cashier in by keyboard (as a keyboard-wedge scanner types, into
     * whatever has focus) and counts the float into the drawer when the lane has no shift yet; returns once the
     * scan field has focus.
     */
    static void signInAtTill(ChromeDriver browser, WebDriverWait wait, String tillUrl, String cashier, String pin,
            String floatAmount) {
        browser.get(tillUrl + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cashier")));
        browser.switchTo().activeElement().sendKeys(cashier);
        browser.findElement(By.id("pin")).sendKeys(pin, Keys.ENTER);
        wait.until(d -> "float-input".equals(d.switchTo().activeElement().getAttribute("id")));
        browser.switchTo().activeElement().sendKeys(floatAmount, Keys.ENTER);
        wait.until(d -> "scan".equals(d.switchTo().activeElement().getAttribute("id")));
    }

    /**
     * Waits until the sign-in page has sent the browser back to the page asked for and that page has loaded.
     * Without this a test's next lookup can run while the browser navigates, and chromedriver aborts it
     * ("aborted by navigation"), which a wait for an element does not retry.
     */
    private static void awaitBackFromSignIn(ChromeDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .until(driver -> !driver.getCurrentUrl().contains("signin.html")
                        && "complete".equals(browser.executeScript("return document.readyState")));
    }
}
