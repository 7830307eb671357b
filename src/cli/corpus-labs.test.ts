import { CORPUS, reportOf, supported } from './testing/run-cli';

// Each case starts the CLI (tsx + sources + engine): seconds each on a shared machine.
jest.setTimeout(120_000);

const files = (lab: string) => `files:${CORPUS}/${lab}/trigger`;

describe('diagnose on the azure-labs corpus', () => {
  it('intermittent-5xx ranks H1 first', async () => {
    const report = await reportOf(files('intermittent-5xx'));
    expect(report.ranking[0]).toBe('H1');
    expect(supported(report)).toEqual(['H1']);
  });

  it.each(['dns-vnet-resolution', 'memory-pressure', 'container-http-pings'])('negative control %s supports none of H1–H4', async (lab) => {
    const report = await reportOf(files(lab));
    expect(supported(report).filter((id) => ['H1', 'H2', 'H3', 'H4'].includes(id))).toEqual([]);
  });

  it('snat-exhaustion gets what its data shows: H2 → H1 and T1 kills after timeouts, not M1, and H4 not provable', async () => {
    const report = await reportOf(files('snat-exhaustion'));
    const verdict = (id: string) => report.hypotheses.find((item) => item.id === id)?.verdict;
    expect(verdict('H1')).toBe('supported');
    expect(verdict('H2')).toBe('supported');
    expect(verdict('T1')).toBe('supported');
    expect(verdict('M1')).toBe('weakened');
    expect(verdict('H4')).toBe('inconclusive');
    const h4 = report.hypotheses.find((item) => item.id === 'H4');
    expect(h4?.evidence.find((item) => item.signal === 'snat-port-usage')?.effect).toBe('no-data');
    expect(h4?.summary).toContain('SNAT port metric');
  });
});
