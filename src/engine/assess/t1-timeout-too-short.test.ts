import { declaredConfigFrom } from '../config';
import { assess } from './assess';
import { corpusLab, effectOf } from './testing/fixtures';

describe('T1 Gunicorn --timeout too short on real exports', () => {
  it('snat-exhaustion: WORKER TIMEOUT, then the kill, and 92 aborts at 119.4 s against --timeout=120', () => {
    const t1 = corpusLab('snat-exhaustion').hypothesis('T1');
    expect(t1.verdict).toBe('supported');
    expect(effectOf(t1, 'worker-timeouts')).toBe('supports');
    expect(effectOf(t1, 'kills-follow-timeouts')).toBe('supports');
    expect(t1.evidence.find((item) => item.signal === 'requests-die-at-timeout')?.observed).toContain('119.4 s');
    expect(t1.evidence.find((item) => item.signal === 'timeout-below-platform-limit')?.observed).toBe('--timeout 120 s (startup-command in the logs)');
    expect(t1.nextChecks.find((check) => check.kind === 'config')?.text).toContain('--timeout 230');
  });

  it('intermittent-5xx: no console rows, so nothing about timeouts can be said either way', () => {
    const t1 = corpusLab('intermittent-5xx').hypothesis('T1');
    expect(t1.verdict).toBe('inconclusive');
    expect(t1.evidence.every((item) => item.effect === 'no-data')).toBe(true);
  });

  describe('with the site configuration', () => {
    const declared = (appCommandLine: string) => declaredConfigFrom({ web: { appCommandLine, linuxFxVersion: 'PYTHON|3.11' }, appSettings: [] }).workerModel;
    const t1With = (lab: 'intermittent-5xx' | 'snat-exhaustion', appCommandLine: string) => {
      const { signals, coverage, app } = corpusLab(lab);
      const t1 = assess(signals, { coverage, app, declared: declared(appCommandLine) }).hypotheses.find((item) => item.id === 'T1')!;
      return (signal: string) => t1.evidence.find((item) => item.signal === signal);
    };

    it('intermittent-5xx: the declared --timeout 30 is known although the logs have no console rows, and says where it came from', () => {
      const evidence = t1With('intermittent-5xx', 'gunicorn --bind 0.0.0.0:8000 --workers 2 --worker-class sync --timeout 30 app:app');
      expect(evidence('timeout-below-platform-limit')).toMatchObject({ effect: 'supports', observed: '--timeout 30 s (appCommandLine in the site config)' });
      // 499s at 14.4 s and 44.4 s are the callers' limits, not a 30 s kill.
      expect(evidence('requests-die-at-timeout')).toMatchObject({ effect: 'not-seen', observed: 'no failures ending at the --timeout (30 s, appCommandLine in the site config)' });
    });

    it('snat-exhaustion: the declared --timeout=120 is what the 119.4 s aborts are matched against', () => {
      const evidence = t1With('snat-exhaustion', 'gunicorn --bind=0.0.0.0 --timeout=120 --workers=4 app:app');
      expect(evidence('requests-die-at-timeout')?.effect).toBe('supports');
      expect(evidence('timeout-below-platform-limit')?.observed).toBe('--timeout 120 s (appCommandLine in the site config)');
    });

    it("a command without --timeout leaves the logs' value first, then Gunicorn's default from the config", () => {
      expect(t1With('snat-exhaustion', 'gunicorn app:app')('timeout-below-platform-limit')?.observed).toBe('--timeout 120 s (startup-command in the logs)');
      expect(t1With('intermittent-5xx', 'gunicorn app:app')('timeout-below-platform-limit')?.observed).toBe('--timeout 30 s (Gunicorn default per the site config)');
    });
  });
});
