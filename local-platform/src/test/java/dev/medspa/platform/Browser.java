package dev.medspa.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the system packages, driven by Selenium with the system's
 * chromedriver, so nothing is downloaded. Screenshots go to {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	Browser(Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
	}

	static boolean available() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	WebDriver driver() {
		return this.driver;
	}

	void open(String url) {
		this.driver.get(url);
	}

	/**
	 * Clicks what leads to another page and waits until that page has replaced this one,
	 * whether by a full load or by an htmx swap.
	 */
	void go(WebElement element) {
		element.click();
		new WebDriverWait(this.driver, Duration.ofSeconds(20)).until(driver -> gone(element));
	}

	/**
	 * Whether the element's page has been replaced. Chromium sometimes says so not as a
	 * stale element but as an inspector error about a node outside the document, when the
	 * check falls in the middle of the navigation.
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.StaleElementReferenceException stale) {
			return true;
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	void go(By by) {
		go(find(by));
	}

	WebElement find(By by) {
		return this.driver.findElement(by);
	}

	List<WebElement> all(By by) {
		return this.driver.findElements(by);
	}

	String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	String url() {
		return String.valueOf(this.driver.getCurrentUrl());
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	Object asyncScript(String script, Object... arguments) {
		this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		return ((JavascriptExecutor) this.driver).executeAsyncScript(script, arguments);
	}

	void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path shot = this.driver.getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The serious and critical WCAG 2 A and AA violations axe-core finds in the page, as
	 * "rule: description (n places)".
	 */
	@SuppressWarnings("unchecked")
	List<String> accessibilityViolations() {
		script(AXE.get());
		List<Map<String, Object>> violations = (List<Map<String, Object>>) asyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})
				  .then(result => done(result.violations
				    .filter(v => v.impact === 'serious' || v.impact === 'critical')
				    .map(v => ({id: v.id, help: v.help, count: v.nodes.length,
				                where: v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}))))
				  .catch(error => done([{id: 'axe-failed', help: String(error), count: 0, where: ''}]));
				""");
		return violations.stream()
			.map(v -> v.get("id") + ": " + v.get("help") + " (" + v.get("count") + " places: " + v.get("where") + ")")
			.toList();
	}

	private static final java.util.function.Supplier<String> AXE = () -> {
		try (var script = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
			if (script == null) {
				throw new IllegalStateException("axe-core is not on the test class path");
			}
			return new String(script.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	};

	void deleteCookies() {
		this.driver.manage().deleteAllCookies();
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
