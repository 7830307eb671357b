import { analyzeTables } from '../analyze';
import { LogTable } from '../model/input';
import { assess } from './assess';
import { corpusLab, effectOf, hypothesisOf } from './testing/fixtures';
import h3Http from '../../../lab/recordings/h3-restart/AppServiceHTTPLogs.json';
import h3Console from '../../../lab/recordings/h3-restart/AppServiceConsoleLogs.json';
import h3Platform from '../../../lab/recordings/h3-restart/AppServicePlatformLogs.json';

describe('H3 health probe / restart overlap on real exports', () => {
  it('intermittent-5xx: 499s are client aborts, not 5xx, so container starts cannot support H3 (trap 2)', () => {
    const h3 = corpusLab('intermittent-5xx').hypothesis('H3');
    expect(h3.verdict).not.toBe('supported');
    expect(effectOf(h3, '5xx-near-transitions')).toBe('not-seen');
    expect(h3.score).toBe(0);
  });

  it('snat-exhaustion: the 503s of the failed 04-03 startup line up with start failures, and only that run', () => {
    const h3 = corpusLab('snat-exhaustion').hypothesis('H3');
    expect(effectOf(h3, 'unavailable-near-transitions')).toBe('supports');
    expect(effectOf(h3, 'probe-or-start-failures')).toBe('supports');
    const secondRun = Date.UTC(2026, 3, 4);
    expect(h3.windows.length).toBeGreaterThan(0);
    for (const window of h3.windows.filter((item) => item.signals.includes('unavailable-near-transitions'))) {
      expect(window.to).toBeLessThan(secondRun);
    }
  });
});

describe('H3 when a whole incident fits in one bin', () => {
  // The lab's h3-restart: a first boot, then two restarts under traffic 18 s apart. With 5-minute bins
  // the boot and both restarts share a bin with the traffic, so "no traffic in the bins before" cannot
  // tell them apart; only the first start on the instance may be the app coming up.
  const tables = (file: { tables: unknown[] }): LogTable[] => file.tables as LogTable[];
  const signals = analyzeTables({ http: tables(h3Http), console: tables(h3Console), platform: tables(h3Platform) }, { binMs: 300_000 });
  const h3 = hypothesisOf(assess(signals), 'H3');

  it('counts the restarts after the first boot as transitions overlapping the 502/503s', () => {
    expect(signals.series.time.length).toBeLessThanOrEqual(2);
    expect(signals.markers.filter((marker) => marker.kind === 'restart').length).toBeGreaterThanOrEqual(3);
    expect(effectOf(h3, 'unavailable-near-transitions')).toBe('supports');
    expect(h3.verdict).toBe('supported');
  });
});
