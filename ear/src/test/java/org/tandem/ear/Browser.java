package org.tandem.ear;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's headless chromium driven through Debian's chromedriver (no browser or driver download),
 * with the few steps a person takes in the portal: open a page, type into a Vaadin field, click.
 */
final class Browser implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String base;

    Browser(String base) {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            // the flags the machine needs (shared/STACK.md): root, no GPU, no calls home
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--window-size=1280,900",
                    "--user-data-dir=" + Files.createTempDirectory("tandem-chromium"));
            // the page's console, so a test can see what the browser refused (a Content-Security-Policy violation)
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort()
                    .build();
            this.driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a pushed change re-renders a view: an element found a moment ago may be replaced before it is read
        this.wait = (WebDriverWait) new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class);
        this.base = base;
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    WebElement element(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    String text(String id) {
        return element(id).getText();
    }

    /** Types into a Vaadin field (its input sits in the light DOM), replacing what was there. */
    void type(String fieldId, String value) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + fieldId + " input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value, Keys.TAB);
    }

    void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Clicks a button in a grid's row, brought into view first: a grid scrolls its columns by itself. */
    void clickInGrid(String id) {
        WebElement button = element(id);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", button);
        wait.until(ExpectedConditions.elementToBeClickable(button)).click();
    }

    /** Scrolls the page so that the element is at the top, for a screenshot of what follows it. */
    void scrollTo(String id) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", element(id));
    }

    void awaitText(String id, String expected) {
        wait.until(ExpectedConditions.textToBe(By.id(id), expected));
    }

    /** Waits until the element's text starts with {@code prefix}: the server answers a click a little later. */
    void awaitTextStarting(String id, String prefix) {
        wait.until(driver -> element(id).getText().startsWith(prefix));
    }

    /** Waits until the address bar's path (after the portal's root) matches {@code pattern}. */
    void awaitPath(String pattern) {
        wait.until(driver -> path().matches(pattern));
    }

    Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Every cell of the grid {@code gridId}, as the person reads them. */
    String gridText(String gridId) {
        element(gridId);
        return String.valueOf(script("return Array.from(document.querySelectorAll('#" + gridId
                + " vaadin-grid-cell-content')).map(c => c.textContent.trim()).join(' | ')"));
    }

    /** Waits until the element's JavaScript property (a Vaadin field's errorMessage) is {@code expected}. */
    void awaitProperty(String id, String property, String expected) {
        wait.until(driver -> expected.equals(script("return document.getElementById('" + id + "')." + property)));
    }

    /** Waits until a cell of the grid {@code gridId} holds {@code expected}: the server pushes changes. */
    void awaitGridText(String gridId, String expected) {
        wait.until(driver -> gridText(gridId).contains(expected));
    }

    void signIn(String username, String password) {
        open("login");
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#vaadinLoginUsername input")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
        awaitPath("home");
    }

    void signOut() {
        click("sign-out");
        awaitPath("login");
    }

    /** A picture of the page for the user guide, in {@code it.screenshots.dir}. */
    void screenshot(String name) {
        String folder = System.getProperty("it.screenshots.dir");
        if (folder == null) {
            return;
        }
        try {
            Path target = Path.of(folder, name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A picture of the page in a temporary file, to see what a failed step saw; where it is. */
    Path screenshotToTemporaryFile() {
        try {
            Path target = Files.createTempFile("tandem-browser", ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the pages wrote to the console since the last call, each as {@code LEVEL message}. */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
