import { corpusTable } from '../testing/fixtures';
import { RowIssueCollector } from '../table/row-issues';
import { readLogRows } from './log-rows';
import { parsePlatformRows } from './platform-parser';
import { PlatformMessageClassifier } from './platform-message';

describe('platform messages', () => {
  const classify = (message: string) => new PlatformMessageClassifier().classify(message);

  it('reads lifecycle lines from the corpus', () => {
    expect(classify('Container is starting.')).toEqual({ kind: 'container-starting' });
    expect(classify('Container is terminating. Grace period: 5 seconds.')).toEqual({ kind: 'container-terminating', graceSeconds: 5 });
    expect(classify('Container is terminated. Total time elapsed: 5158 ms.')).toEqual({ kind: 'container-terminated', elapsedMs: 5158 });
    expect(classify('Container has finished running with exit code: 3.')).toEqual({ kind: 'container-exited', exitCode: 3 });
    expect(classify('Site started.')).toEqual({ kind: 'site-started' });
    expect(classify('Site: app-labping-zlqaxhq4w4rx6 stopped.')).toEqual({ kind: 'site-stopped', site: 'app-labping-zlqaxhq4w4rx6', scm: false });
    expect(classify('Kudu: app-labping-zlqaxhq4w4rx6 stopped.')).toMatchObject({ kind: 'site-stopped', scm: true });
    expect(classify('Failed to start kudu. Revert by stopping kudu.')).toEqual({ kind: 'site-start-failed', scm: true });
    expect(classify('Site startup probe failed after 0.1175982 seconds.')).toEqual({ kind: 'startup-probe', ok: false, seconds: 0.1175982 });
    expect(classify('Site startup probe succeeded after 68.0508489 seconds.')).toEqual({ kind: 'startup-probe', ok: true, seconds: 68.0508489 });
    // The platform's own typo is the real text (trap 14).
    expect(classify('Start site prohibitted because the site is being blocked.')).toEqual({ kind: 'site-blocked' });
  });

  it('reads HTTP ping failures and recycles', () => {
    expect(classify("Container app_0_abc didn't respond to HTTP pings on port: 8080, failing site start. See container logs for debugging.")).toEqual({
      kind: 'http-ping-failure',
      port: 8080,
    });
    expect(classify('Site recycled because of a configuration change')).toMatchObject({ kind: 'recycle' });
  });

  it('reports a sticky ContainerTimeout once, at its own timestamp, with 230 s as a limit (trap 14)', () => {
    const classifier = new PlatformMessageClassifier();
    const failing =
      'State: Stopping, Action: CancellingStartup, LastError: ContainerTimeout, LastErrorTimestamp: 04/04/2026 05:53:54, LastErrorDetails: Container did not start within expected time limit of 230s. Please inspect your container logs for more details., Details: Cancelling site startup., DetailsLevel: ERR';
    const sticky =
      'State: Started, Action: None, LastError: ContainerTimeout, LastErrorTimestamp: 04/04/2026 05:53:54, LastErrorDetails: Container did not start within expected time limit of 230s. Please inspect your container logs for more details., Details: Site started at 04/04/2026 05:58:00 (UTC), DetailsLevel: INFO';
    expect(classifier.classify(failing)).toMatchObject({ kind: 'container-timeout', limitSeconds: 230, occurredAt: Date.UTC(2026, 3, 4, 5, 53, 54) });
    expect(classifier.classify(sticky)).toBeUndefined();
  });

  it('turns the container-http-pings export into ordered events with one ContainerTimeout and a 0.12 s probe failure', () => {
    const rows = readLogRows('platform', [corpusTable('container-http-pings', 'platform')], new RowIssueCollector());
    const events = parsePlatformRows(rows);
    const timeouts = events.filter((event) => event.kind === 'container-timeout');
    expect(timeouts).toHaveLength(1);
    expect(timeouts[0]).toMatchObject({ limitSeconds: 230 });
    const failedProbe = events.find((event) => event.kind === 'startup-probe' && !event.ok);
    expect(failedProbe).toMatchObject({ seconds: 0.1175982 });
    for (let i = 1; i < events.length; i++) {
      expect(events[i].time).toBeGreaterThanOrEqual(events[i - 1].time);
    }
  });
});
