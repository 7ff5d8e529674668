import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers/run-cli.js";

// Debian's chromium package; `.ci/run` installs it when it is missing.
const CHROMIUM = "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`Skipping the HTML browser test: ${CHROMIUM} is missing (apt-get install -y chromium).`);

describe.skipIf(!HAVE_CHROMIUM)("HTML report in headless Chromium", () => {
  let browser: Browser;
  let file: string;
  let dir: string;
  beforeAll(async () => {
    dir = makeTempDir();
    const r = await runCli(["audit", "--demo", "--format", "html", "--output", "report.html", "--include-humans"], { cwd: dir });
    expect(r.code).toBe(0);
    file = join(dir, "report.html");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("renders offline, sorts by score, filters by text and verdict, and saves a screenshot", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on("request", (req) => {
      if (!req.url().startsWith("file:")) requests.push(req.url());
    });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    const total = await page.locator("#findings tbody tr").count();
    expect(total).toBeGreaterThan(100);
    await expect.poll(() => page.locator("#shown").textContent()).toBe(String(total));

    // Sort by score: first ascending, then descending.
    const scores = () => page.locator("#findings tbody tr").evaluateAll((rows) => rows.map((r) => Number((r as unknown as { dataset: { score: string } }).dataset.score)));
    await page.click('th[data-key="score"] button');
    const ascending = await scores();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.click('th[data-key="score"] button');
    const descending = await scores();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(await page.getAttribute('th[data-key="score"]', "aria-sort")).toBe("descending");

    // Filter by verdict, then by text.
    await page.selectOption("#filter-verdict", "likely-bot");
    const likely = await page.locator("#findings tbody tr:not([hidden])").evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { verdict: string } }).dataset.verdict));
    expect(likely.length).toBeGreaterThan(0);
    expect(new Set(likely)).toEqual(new Set(["likely-bot"]));
    expect(await page.locator("#shown").textContent()).toBe(String(likely.length));
    await page.selectOption("#filter-verdict", "");
    await page.fill("#filter-text", "automation@acme.com");
    const visible = await page.locator("#findings tbody tr:not([hidden])").allTextContents();
    const matching = (await page.locator("#findings tbody tr").allTextContents()).filter((t) => t.toLowerCase().includes("automation@acme.com"));
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.length).toBeLessThan(total);
    expect(visible).toEqual(matching);

    // The rest of the page: charts, the enable-2sv list with working anchors.
    expect(await page.locator("#chart-verdicts .bar").count()).toBe(5);
    expect(await page.locator("#chart-signals .bar").count()).toBeGreaterThan(0);
    const firstTwoStep = page.locator("#enable-2sv a").first();
    const target = await firstTwoStep.getAttribute("href");
    expect(await page.locator(target!).count()).toBe(1);

    const shot = join(dir, "report.png");
    await page.fill("#filter-text", "");
    await page.screenshot({ path: shot, fullPage: false });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe("PNG");
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);

  it("stacks the table into cards on a phone-sized screen", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator("#findings thead").isVisible()).toBe(false);
    const width = Number(await page.evaluate("document.documentElement.scrollWidth"));
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(dir, "report-phone.png") });
    await page.close();
  }, 60_000);
});
