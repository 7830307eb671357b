// The real-browser test: builds the harness (Vite), serves it on loopback, drives Debian's
// Chromium with playwright-core, checks the DOM of the panel and the Investigate view against
// the captured fixtures and the lab manifests, clicks a card, and saves dark and light
// screenshots to docs/screenshots/. Run: npm run test:browser
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { selectors } from '../../src/datasource/selectors';
import { grafanaPublicFiles } from './grafana-public';
import { serveFolder } from './static-server';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, '.tmp', 'browser-harness');
const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCENARIO = 'h1-two-instances';
const testId = (id: string) => `[data-testid="${id}"]`;

interface Fixture {
  frames: Array<{ name: string; fields: Array<{ name: string; values: unknown[] }> }>;
  report: { ranking: string[]; clusters: unknown[]; markers: unknown[]; window: { from: string; to: string } };
}

const results: Array<{ name: string; ok: boolean; detail?: string }> = [];
async function check(name: string, body: () => Promise<void>) {
  try {
    await body();
    results.push({ name, ok: true });
  } catch (error) {
    results.push({ name, ok: false, detail: (error as Error).message });
  }
}
function expectEqual(actual: unknown, expected: unknown, what: string) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

const rowsOf = (fixture: Fixture, frameName: string) => fixture.frames.filter((frame) => frame.name === frameName).reduce((count, frame) => count + (frame.fields[0]?.values.length ?? 0), 0);

async function open(page: Page, base: string, view: string, theme: string) {
  await page.goto(`${base}?view=${view}&theme=${theme}&scenario=${SCENARIO}`);
  await page.waitForSelector('[data-harness-ready="true"]', { timeout: 30_000 });
}

async function main() {
  const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', `${SCENARIO}.json`), 'utf8')) as Fixture;
  const manifest = JSON.parse(readFileSync(join(ROOT, 'lab', 'recordings', SCENARIO, 'manifest.json'), 'utf8'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', join(__dirname, 'vite.config.mts')], { stdio: 'inherit' });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const { server, url } = await serveFolder(OUT, grafanaPublicFiles(ROOT));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1320, height: 560 }, deviceScaleFactor: 1 });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
    page.on('response', (response) => response.status() >= 400 && pageErrors.push(`${response.status()} ${response.url()}`));

    await open(page, url, 'panel', 'dark');
    await check('panel draws every markers row (bursts share one glyph)', async () => {
      const counts = await page.locator(testId(selectors.panel.marker)).evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-count'))));
      expectEqual(counts.reduce((sum, count) => sum + count, 0), rowsOf(fixture, 'markers'), 'markers drawn');
    });
    await check('panel draws one shaded band per 499 cluster', async () =>
      expectEqual(await page.locator(testId(selectors.panel.cluster)).count(), rowsOf(fixture, 'clusters'), 'cluster bands'));
    await check('panel draws the hypothesis windows', async () =>
      expectEqual(await page.locator(testId(selectors.panel.window)).count(), rowsOf(fixture, 'hypothesis-windows'), 'windows'));
    await check('cards: one per hypothesis, the lab’s expected hypothesis first, scores non-increasing', async () => {
      const cards = page.locator(testId(selectors.panel.card));
      expectEqual(await cards.count(), rowsOf(fixture, 'hypotheses'), 'cards');
      const ids = await cards.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-hypothesis')));
      expectEqual(ids[0], manifest.expected.ranking[0], 'first card');
      const scores = await page.locator(`${testId(selectors.panel.card)} [role="meter"]`).evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('aria-valuenow'))));
      expectEqual(scores, [...scores].sort((a, b) => b - a), 'scores in card order');
    });
    await check('a marker tooltip shows its source line', async () => {
      const texts = fixture.frames.find((frame) => frame.name === 'markers')?.fields.find((field) => field.name === 'text')?.values ?? [];
      const times = fixture.frames.find((frame) => frame.name === 'markers')?.fields.find((field) => field.name === 'time')?.values ?? [];
      const earliest = times.reduce<number>((first, time, row) => (Number(time) < Number(times[first]) ? row : first), 0);
      const markerText = texts[earliest];
      await page.locator(`${testId(selectors.panel.marker)} circle`).first().hover();
      const tooltip = await page.locator('[role="tooltip"]').innerText();
      if (!tooltip.includes(String(markerText))) {
        throw new Error(`tooltip "${tooltip}" lacks "${markerText}"`);
      }
    });
    await page.screenshot({ path: join(SCREENSHOTS, 'panel-dark.png') });
    await check('clicking the first card highlights its windows and the clusters its evidence points at', async () => {
      const first = page.locator(testId(selectors.panel.card)).first();
      const id = await first.getAttribute('data-hypothesis');
      await first.locator('button[aria-pressed]').click();
      expectEqual(await first.locator('button[aria-pressed]').getAttribute('aria-pressed'), 'true', 'aria-pressed');
      const selected = await page.locator(`${testId(selectors.panel.window)}[data-selected="true"]`).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-hypothesis')));
      if (selected.length === 0 || selected.some((hypothesis) => hypothesis !== id)) {
        throw new Error(`selected windows ${JSON.stringify(selected)} are not all ${id}`);
      }
      if ((await page.locator(`${testId(selectors.panel.cluster)}[data-highlighted="true"]`).count()) === 0) {
        throw new Error('no cluster highlighted');
      }
    });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(SCREENSHOTS, 'panel-selected-dark.png') });

    await open(page, url, 'panel', 'light');
    await check('light theme renders the same cards', async () => expectEqual(await page.locator(testId(selectors.panel.card)).count(), rowsOf(fixture, 'hypotheses'), 'cards (light)'));
    await page.screenshot({ path: join(SCREENSHOTS, 'panel-light.png') });

    await page.setViewportSize({ width: 1320, height: 1500 });
    for (const theme of ['dark', 'light']) {
      await open(page, url, 'investigate', theme);
      await check(`investigate (${theme}): cards follow the report's ranking`, async () => {
        const ids = await page.locator(`${testId(selectors.investigate.ranking)} ${testId(selectors.panel.card)}`).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-hypothesis')));
        expectEqual(ids, fixture.report.ranking, 'ranking');
      });
      await check(`investigate (${theme}): one table row per cluster and marker`, async () => {
        expectEqual(await page.locator(`${testId(selectors.investigate.clusters)} tbody tr`).count(), fixture.report.clusters.length, 'cluster rows');
        expectEqual(await page.locator(`${testId(selectors.investigate.markers)} tbody tr`).count(), fixture.report.markers.length, 'marker rows');
      });
      await check(`investigate (${theme}): dashboard links carry the report's range`, async () => {
        const hrefs = await page.locator(testId(selectors.investigate.dashboardLink)).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));
        const expected = `from=${Date.parse(fixture.report.window.from)}&to=${Date.parse(fixture.report.window.to)}`;
        if (hrefs.length < 10 || !hrefs.every((href) => href.includes(expected) && href.includes('var-datasource='))) {
          throw new Error(`links ${JSON.stringify(hrefs.slice(0, 2))} lack ${expected}`);
        }
      });
      await page.screenshot({ path: join(SCREENSHOTS, `investigate-${theme}.png`), fullPage: true });
    }
    await check('no errors in the page console', async () => expectEqual(pageErrors, [], 'page errors'));
  } finally {
    await browser.close();
    server.close();
  }
  for (const result of results) {
    console.log(`${result.ok ? '✓' : '✗'} ${result.name}${result.detail ? ` — ${result.detail}` : ''}`);
  }
  const failed = results.filter((result) => !result.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error: Error) => {
  console.error(`browser test: ${error.stack ?? error.message}`);
  process.exitCode = 1;
});
