package io.chainretail.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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
}
