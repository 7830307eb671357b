import fc from 'fast-check';
import { planHttpBins } from './http-bins-plan';
import { httpBinsRowBudget } from './log-analytics-limits';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const from = Date.UTC(2026, 3, 4);

it('the budget respects both the row and the byte limit, with headroom', () => {
  // 64 MiB / 200 B = 335,544 rows < 500,000 rows; 80 % of it.
  expect(httpBinsRowBudget()).toBe(268_435);
});

it('keeps the requested bin when bins × keys fit (1 h of 1 m bins, 71 keys)', () => {
  const plan = planHttpBins({ window: { from, to: from + HOUR }, binMs: 60_000, binIsFixed: false });
  expect(plan.bin.kql).toBe('1m');
  expect(plan.windows).toEqual([{ from, to: from + HOUR }]);
  expect(plan.rowsPerQuery).toBe(60 * 71);
  expect(plan.warnings).toEqual([]);
});

it('coarsens an automatic bin when the estimate exceeds the limits, and says so', () => {
  // 30 days of 1 s bins with 71 keys: 184 M rows.
  const plan = planHttpBins({ window: { from, to: from + 30 * DAY }, binMs: 1000, binIsFixed: false });
  expect(plan.windows).toHaveLength(1);
  expect(plan.bin.milliseconds).toBe(900_000); // 2880 bins × 71 = 204,480 rows; 10 m would be 306,720
  expect(plan.rowsPerQuery).toBeLessThanOrEqual(httpBinsRowBudget());
  expect(plan.warnings.join('\n')).toMatch(/exceeds the 268,435-row plan budget.*aggregated further with 15m bins/);
});

it('splits the window into bin-aligned chunks when the bin is fixed', () => {
  // 3 days of 1 s bins; one path and one instance filter bound the keys to 1 + 1 + 1 = 3.
  const window = { from: from + 500, to: from + 3 * DAY };
  const plan = planHttpBins({ window, binMs: 1000, binIsFixed: true, pathFilterCount: 1, instanceFilterCount: 1 });
  expect(plan.bin.kql).toBe('1s');
  expect(plan.windows.length).toBe(Math.ceil((3 * 86_400 * 3) / httpBinsRowBudget()));
  expect(plan.windows[0].from).toBe(window.from);
  expect(plan.windows[plan.windows.length - 1].to).toBe(window.to);
  for (let i = 1; i < plan.windows.length; i++) {
    expect(plan.windows[i].from).toBe(plan.windows[i - 1].to);
    expect(plan.windows[i].from % 1000).toBe(0);
  }
  expect(plan.rowsPerQuery).toBeLessThanOrEqual(httpBinsRowBudget());
  expect(plan.warnings.join('\n')).toMatch(/split into \d queries to keep the fixed 1s bin/);
});

it('rounds sub-second bins up to 1 s with a warning', () => {
  const plan = planHttpBins({ window: { from, to: from + 60_000 }, binMs: 200, binIsFixed: false });
  expect(plan.bin.kql).toBe('1s');
  expect(plan.warnings[0]).toMatch(/rounded up to 1 s/);
});

it('property: every plan fits the budget, covers the window exactly, and uses at most 4 chunks', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1000, max: 400 * DAY }),
      fc.integer({ min: 1, max: 600 }),
      fc.boolean(),
      fc.integer({ min: 0, max: 200 }),
      (span, binSeconds, fixed, paths) => {
        const window = { from, to: from + span };
        const plan = planHttpBins({ window, binMs: binSeconds * 1000, binIsFixed: fixed, pathFilterCount: paths });
        expect(plan.rowsPerQuery).toBeLessThanOrEqual(httpBinsRowBudget());
        expect(plan.windows[0].from).toBe(window.from);
        expect(plan.windows[plan.windows.length - 1].to).toBe(window.to);
        expect(plan.windows.length).toBeLessThanOrEqual(4);
      }
    ),
    { numRuns: 300 }
  );
});
