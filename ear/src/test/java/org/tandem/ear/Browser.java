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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
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
            // the page's console, for tests that fail on any error a person would not see, or on what the
            // browser refused (a Content-Security-Policy violation)
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
            // the flags this machine needs: root, no GPU, no calls home
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--window-size=1280,900",
                    "--user-data-dir=" + Files.createTempDirectory("tandem-chromium"));
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

    /** Signs in on the sign-in page (plain HTML, outside Vaadin) and waits for the landing page. */
    void signIn(String username, String password) {
        open("login");
        element("username").sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
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

    /** The errors the page's console showed since the last call (chromium keeps them until read). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /**
     * Every {@code vaadin-*} element in the page (shadow roots and overlays included) whose tag has no
     * custom element definition: the bundle lacks its component, and it renders as nothing.
     */
    @SuppressWarnings("unchecked")
    List<String> undefinedVaadinElements() {
        return (List<String>) script("""
                const tags = new Set();
                const walk = root => root.querySelectorAll('*').forEach(element => {
                    if (element.localName.startsWith('vaadin-')) tags.add(element.localName);
                    if (element.shadowRoot) walk(element.shadowRoot);
                });
                walk(document);
                // a grid's cell content is a plain light-DOM element by design, never a custom element
                tags.delete('vaadin-grid-cell-content');
                return [...tags].filter(tag => customElements.get(tag) === undefined).sort();
                """);
    }

    /** Waits until Vaadin has started on the page and answered every request it made. */
    void awaitVaadinIdle() {
        wait.until(driver -> Boolean.TRUE.equals(script("""
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                if (!clients) return false;
                const flow = Object.values(clients).filter(client => typeof client.isActive === 'function');
                return flow.length > 0 && flow.every(client => !client.isActive());
                """)));
    }

    /** The visible buttons of the page's content, outside its top bar, menu, dialogs and uploads. */
    private static final String CONTENT_BUTTONS = """
            [...document.querySelectorAll('vaadin-button')]
                .filter(button => !button.closest('[slot="navbar"], [slot="drawer"], vaadin-dialog-overlay, vaadin-upload'))
                .filter(button => button.offsetParent !== null && !button.disabled)
            """;

    /** The labels of the page's content buttons, each once. */
    @SuppressWarnings("unchecked")
    List<String> contentButtonLabels() {
        return (List<String>) script("return [...new Set(" + CONTENT_BUTTONS + ".map(button => button.textContent.trim()))];");
    }

    /** Clicks the first content button labelled {@code label}, brought into view first. */
    void clickButtonLabelled(String label) {
        WebElement button = (WebElement) ((JavascriptExecutor) driver).executeScript("return " + CONTENT_BUTTONS
                + ".find(button => button.textContent.trim() === arguments[0]);", label);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", button);
        wait.until(ExpectedConditions.elementToBeClickable(button)).click();
    }

    /** The header titles of the dialogs open now. */
    @SuppressWarnings("unchecked")
    List<String> openDialogs() {
        return (List<String>) script("return [...document.querySelectorAll('vaadin-dialog-overlay[opened]')]"
                + ".map(overlay => String(overlay.headerTitle || overlay.textContent || '').trim().slice(0, 80))");
    }

    /**
     * Presses Esc until no dialog is open (each press closes the topmost), answering "close" when a
     * dialog showing a secret once asks first.
     */
    void closeDialogs() {
        for (int i = 0; i < 4 && !openDialogs().isEmpty(); i++) {
            List<WebElement> closeUncopied = driver.findElements(By.id("close-uncopied"));
            if (closeUncopied.isEmpty()) {
                new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            } else {
                closeUncopied.getFirst().click();
            }
            awaitVaadinIdle();
        }
        wait.until(driver -> openDialogs().isEmpty());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
