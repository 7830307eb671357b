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
// The plugin's own webpack build (what `npm run build` ships), loaded by the harness's `built` view.
const WEBPACK_OUT = join(ROOT, '.tmp', 'webpack-build');
const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCENARIOS = ['h1-two-instances', 't1-worker-timeout', 'c1-cpu-saturation'];
const INVESTIGATE_SCENARIO = 'h1-two-instances';
const testId = (id: string) => `[data-testid="${id}"]`;

interface Fixture {
  frames: Array<{ name: string; fields: Array<{ name: string; values: unknown[]; labels?: Record<string, string> }> }>;
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

async function open(page: Page, base: string, view: string, theme: string, scenario: string) {
  await page.goto(`${base}?view=${view}&theme=${theme}&scenario=${scenario}`);
  await page.waitForSelector('[data-harness-ready="true"]', { timeout: 30_000 });
}

const loadFixture = (scenario: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures', `${scenario}.json`), 'utf8')) as Fixture;
const fieldOf = (fixture: Fixture, frameName: string, field: string) => fixture.frames.find((frame) => frame.name === frameName)?.fields.find((candidate) => candidate.name === field)?.values ?? [];

/** Clusters the evidence of one hypothesis points at, read straight from the hypotheses frame. */
function clustersPointedAt(fixture: Fixture, hypothesis: string): Set<number> {
  const row = fieldOf(fixture, 'hypotheses', 'id').indexOf(hypothesis);
  const evidence = JSON.parse(String(fieldOf(fixture, 'hypotheses', 'evidence')[row] ?? '[]')) as Array<{ effect: string; pointers: Array<{ kind: string; index: number }> }>;
  return new Set(evidence.filter((item) => item.effect === 'supports' || item.effect === 'weakens').flatMap((item) => item.pointers.filter((pointer) => pointer.kind === 'cluster').map((pointer) => pointer.index)));
}

async function panelChecks(page: Page, base: string, scenario: string) {
  const fixture = loadFixture(scenario);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'lab', 'recordings', scenario, 'manifest.json'), 'utf8'));
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  await open(page, base, 'panel', 'dark', scenario);
  await check(`${scenario}: panel draws every markers row (bursts share one glyph)`, async () => {
    const counts = await page.locator(testId(selectors.panel.marker)).evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-count'))));
    expectEqual(counts.reduce((sum, count) => sum + count, 0), rowsOf(fixture, 'markers'), 'markers drawn');
  });
  await check(`${scenario}: panel draws one shaded band per 499 cluster`, async () =>
    expectEqual(await page.locator(testId(selectors.panel.cluster)).count(), rowsOf(fixture, 'clusters'), 'cluster bands'));
  await check(`${scenario}: panel draws the hypothesis windows`, async () =>
    expectEqual(await page.locator(testId(selectors.panel.window)).count(), rowsOf(fixture, 'hypothesis-windows'), 'windows'));
  await check(`${scenario}: one card per hypothesis, the lab’s expected hypothesis first, scores non-increasing`, async () => {
    const cards = page.locator(testId(selectors.panel.card));
    expectEqual(await cards.count(), rowsOf(fixture, 'hypotheses'), 'cards');
    const ids = await cards.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-hypothesis')));
    expectEqual(ids[0], manifest.expected.ranking[0], 'first card');
    const scores = await page.locator(`${testId(selectors.panel.card)} [role="meter"]`).evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('aria-valuenow'))));
    expectEqual(scores, [...scores].sort((a, b) => b - a), 'scores in card order');
  });
  await check(`${scenario}: the earliest marker’s tooltip shows its source line`, async () => {
    const times = fieldOf(fixture, 'markers', 'time');
    const earliest = times.reduce<number>((first, time, row) => (Number(time) < Number(times[first]) ? row : first), 0);
    const markerText = String(fieldOf(fixture, 'markers', 'text')[earliest]);
    await page.locator(`${testId(selectors.panel.marker)} circle`).first().hover();
    const tooltip = await page.locator('[role="tooltip"]').innerText();
    if (!tooltip.includes(markerText)) {
      throw new Error(`tooltip "${tooltip}" lacks "${markerText}"`);
    }
  });
  const metricFrames = fixture.frames.filter((frame) => frame.name === 'metrics' && (frame.fields[0]?.values.length ?? 0) > 0);
  await check(`${scenario}: panel draws a CPU/memory lane with one line per metrics frame${metricFrames.length ? '' : ' (none: the recording has no metrics)'}`, async () => {
    const lines = await page.locator(testId(selectors.panel.metricLine)).evaluateAll((nodes) => nodes.map((node) => `${node.getAttribute('data-metric')} ${node.getAttribute('data-instance')}`));
    const expected = metricFrames.map((frame) => frame.fields.find((field) => field.name === 'value')?.labels ?? {}).map((labels) => `${labels.metric} ${labels.instance}`);
    expectEqual([...lines].sort(), [...expected].sort(), 'metric lines');
    expectEqual(await page.locator(testId(selectors.panel.metricLane)).count(), metricFrames.length ? 1 : 0, 'metric lanes');
    if (metricFrames.length > 0 && !expected.some((line) => line.startsWith('CpuPercentage '))) {
      throw new Error('the lab recording has metrics but no CpuPercentage series');
    }
    const paths = await page.locator(testId(selectors.panel.metricLine)).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('d') ?? ''));
    if (paths.some((d) => !/^M[\d.-]+,[\d.-]+/.test(d))) {
      throw new Error(`a metric line has no drawn path: ${JSON.stringify(paths)}`);
    }
  });
  await check(`${scenario}: the "Declared vs logs" line has one chip per declared-config row`, async () =>
    expectEqual(await page.locator(`${testId(selectors.panel.declaredConfig)} [role="listitem"]`).count(), rowsOf(fixture, 'declared-config'), 'declared chips'));
  await page.waitForLoadState('networkidle');
  // The tooltip check above leaves a marker hovered; the screenshot shows the chart itself.
  await page.mouse.move(0, 0);
  await shot(`panel-${scenario}-dark`);
  await check(`${scenario}: pressing the first card highlights its windows and exactly the clusters its evidence points at`, async () => {
    const first = page.locator(testId(selectors.panel.card)).first();
    const id = String(await first.getAttribute('data-hypothesis'));
    await first.locator('button[aria-pressed]').click();
    expectEqual(await first.locator('button[aria-pressed]').getAttribute('aria-pressed'), 'true', 'aria-pressed');
    const selected = await page.locator(`${testId(selectors.panel.window)}[data-selected="true"]`).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-hypothesis')));
    expectEqual([...new Set(selected)], fieldOf(fixture, 'hypothesis-windows', 'hypothesis').includes(id) ? [id] : [], 'selected windows');
    expectEqual(await page.locator(`${testId(selectors.panel.cluster)}[data-highlighted="true"]`).count(), clustersPointedAt(fixture, id).size, 'highlighted clusters');
  });
  await page.mouse.move(0, 0);
  await shot(`panel-${scenario}-selected-dark`);
  await open(page, base, 'panel', 'light', scenario);
  await check(`${scenario}: light theme renders the same cards`, async () => expectEqual(await page.locator(testId(selectors.panel.card)).count(), rowsOf(fixture, 'hypotheses'), 'cards (light)'));
  await page.waitForLoadState('networkidle');
  await shot(`panel-${scenario}-light`);
}

async function main() {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', join(__dirname, 'vite.config.mts')], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '-c', join(ROOT, 'webpack.config.js'), '--env', 'production', '--output-path', WEBPACK_OUT], { cwd: ROOT, stdio: 'ignore' });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const publicFiles = grafanaPublicFiles(ROOT);
  const { server, url } = await serveFolder(OUT, (path) => (path.startsWith('/built/') ? join(WEBPACK_OUT, path.slice('/built/'.length)) : publicFiles(path)));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1320, height: 700 }, deviceScaleFactor: 1 });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
    page.on('response', (response) => response.status() >= 400 && pageErrors.push(`${response.status()} ${response.url()}`));

    for (const scenario of SCENARIOS) {
      await panelChecks(page, url, scenario);
    }
    const fixture = loadFixture(INVESTIGATE_SCENARIO);
    await page.setViewportSize({ width: 1320, height: 1500 });
    for (const theme of ['dark', 'light']) {
      await open(page, url, 'investigate', theme, INVESTIGATE_SCENARIO);
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
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(SCREENSHOTS, `investigate-${theme}.png`), fullPage: true });
    }
    await open(page, url, 'built', 'dark', INVESTIGATE_SCENARIO);
    await check('the webpack build loads: app, data source and panel modules register their plugins', async () => {
      const registration = await page.locator('[data-testid="built-modules-registration"], [data-testid="built-modules-error"]').first().innerText({ timeout: 30_000 });
      expectEqual(registration, JSON.stringify({ app: true, datasource: true, panel: true }), 'registration');
    });
    await check('the built panel renders the same cards as the sources', async () =>
      expectEqual(await page.locator(testId(selectors.panel.card)).count(), rowsOf(fixture, 'hypotheses'), 'cards from the build'));
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
