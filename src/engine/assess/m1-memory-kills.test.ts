import { assess } from './assess';
import { MEMORY_HIGH_PERCENT, MEMORY_RISE_POINTS } from './m1-memory-kills';
import { corpusLab, effectOf, hypothesisOf } from './testing/fixtures';
import { INSTANCE, MINUTE, ScenarioOptions, scenarioSignals, T0 } from './testing/metrics-scenario';

describe('M1 memory pressure (OOM kills) on real exports', () => {
  it('snat-exhaustion: "Perhaps out of memory?" after WORKER TIMEOUT is Gunicorn\'s own kill, not OOM (trap 4)', () => {
    const m1 = corpusLab('snat-exhaustion').hypothesis('M1');
    expect(m1.verdict).toBe('weakened');
    expect(effectOf(m1, 'kills-without-timeout')).toBe('not-seen');
    expect(m1.evidence.find((item) => item.signal === 'kills-explained-by-timeouts')?.observed).toBe(
      '13 of 14 SIGKILL(s) follow a WORKER TIMEOUT of the same pid'
    );
    // The 14th kill's timeout line is cut off by the 500-row cap: undecidable, not an OOM suspect.
    expect(m1.evidence.find((item) => item.signal === 'kills-without-timeout')?.observed).toContain('1 undecidable');
    expect(effectOf(m1, 'memory-climbing-before-kills')).toBe('no-data');
  });
});

describe('M1 memory climbing before the kills (synthetic: a worker SIGKILLed at 10:07:30 with no WORKER TIMEOUT)', () => {
  const KILL = T0 + 7.5 * MINUTE;
  const gunicornLine = (time: number, pid: number, level: string, text: string): [number, string] => [
    time,
    `[${new Date(time).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000')}] [${pid}] [${level}] ${text}`,
  ];
  const console: Array<[number, string]> = [
    gunicornLine(T0 + 1000, 1, 'INFO', 'Starting gunicorn 23.0.0'),
    gunicornLine(T0 + 1000, 1, 'INFO', 'Listening at: http://0.0.0.0:8000 (1)'),
    gunicornLine(T0 + 1000, 1, 'INFO', 'Using worker: sync'),
    gunicornLine(T0 + 2000, 10, 'INFO', 'Booting worker with pid: 10'),
    gunicornLine(KILL, 1, 'ERROR', 'Worker (pid:10) was sent SIGKILL! Perhaps out of memory?'),
    gunicornLine(KILL + 1000, 11, 'INFO', 'Booting worker with pid: 11'),
  ];
  /** 40% until 10:04, then +0.3 points a second up to the kill, back to 40% after it. */
  const climbing = (second: number) => (second < 240 || second >= 450 ? 40 : 40 + 0.3 * (second - 240));
  const m1Of = (options: ScenarioOptions) => hypothesisOf(assess(scenarioSignals({ console, ...options })), 'M1');
  const memoryEvidence = (options: ScenarioOptions) => m1Of(options).evidence.find((item) => item.signal === 'memory-climbing-before-kills');

  it('memory rising on the killed worker\'s instance supports M1, naming the worker, instance, numbers and times', () => {
    const m1 = m1Of({ memory: climbing });
    const evidence = m1.evidence.find((item) => item.signal === 'memory-climbing-before-kills');
    expect(effectOf(m1, 'kills-without-timeout')).toBe('supports');
    expect(evidence?.effect).toBe('supports');
    expect(evidence?.observed).toBe(
      `memory climbing or high before 1 of 1 kill(s) without a timeout: worker 10 on ${INSTANCE} killed at 2026-11-21T10:07:30Z: MemoryPercentage mean 40% from 2026-11-21T10:02:00Z, peak 100% by the kill`
    );
    expect(m1.verdict).toBe('supported');
  });

  it(`flat memory at 40% is not seen (below ${MEMORY_HIGH_PERCENT}%, less than ${MEMORY_RISE_POINTS} points gained)`, () => {
    expect(memoryEvidence({ memory: () => 40 })?.effect).toBe('not-seen');
  });

  it(`memory flat at 88% (peak 90%) counts: within reach of the limit`, () => {
    expect(memoryEvidence({ memory: () => 88 })?.effect).toBe('supports');
  });

  it('no metrics, or metrics without MemoryPercentage: no data', () => {
    expect(memoryEvidence({})?.effect).toBe('no-data');
    expect(memoryEvidence({ cpu: { calm: 20, incident: 30 } })).toMatchObject({ effect: 'no-data', observed: 'the platform metrics hold no MemoryPercentage series' });
  });
});
