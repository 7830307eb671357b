import { ProcReading } from './procTree';
import { ResourceSampler } from './resourceSampler';

const reading = (pid: number, cpuTicks: number, pssKb: number): ProcReading => ({ pid, key: `${pid}@1`, cpuTicks, pssKb });

describe('ResourceSampler', () => {
  it('turns tick readings into CPU % of the instance vCPUs and memory % of its memory, one point per second', () => {
    const trees: ProcReading[][] = [
      [reading(1, 0, 100_000), reading(2, 0, 100_000)],
      [reading(1, 10, 100_000), reading(2, 40, 150_000)],
      [reading(1, 10, 100_000), reading(3, 25, 50_000)],
    ];
    let call = 0;
    const sampler = new ResourceSampler([{ name: 'lw0', rootPid: () => 1 }], { vcpus: 0.5, memoryMb: 1000, from: 'test' }, () => trees[call++], 100);
    sampler.tick(10_000);
    sampler.tick(11_000);
    sampler.tick(12_000);
    // 50 ticks of 100 Hz in 1 s on 0.5 vCPU = 100 %; 250 000 kB of 1000 MB ≈ 24.4 %.
    expect(sampler.points.get('lw0')).toEqual([
      { time: 10_000, cpuPercent: 100, memoryPercent: (250_000 / 1024 / 1000) * 100, processes: 2 },
      { time: 11_000, cpuPercent: 50, memoryPercent: (150_000 / 1024 / 1000) * 100, processes: 2 },
    ]);
  });

  it('writes no point while the instance is down and starts a fresh baseline when it is back', () => {
    let pid: number | undefined = 1;
    const trees = new Map<number, ProcReading[]>([
      [1, [reading(1, 500, 1000)]],
      [9, [reading(9, 80, 1000)]],
    ]);
    const sampler = new ResourceSampler([{ name: 'lw0', rootPid: () => pid }], { vcpus: 1, memoryMb: 100, from: 'test' }, (p) => trees.get(p) ?? [], 100);
    sampler.tick(0);
    pid = undefined;
    sampler.tick(1000);
    pid = 9;
    sampler.tick(2000);
    trees.set(9, [reading(9, 90, 1000)]);
    sampler.tick(3000);
    expect(sampler.points.get('lw0')!.map((p) => [p.time, p.cpuPercent])).toEqual([[2000, 10]]);
  });

  it('labels each second once, even when a tick comes late', () => {
    let ticks = 0;
    const sampler = new ResourceSampler([{ name: 'lw0', rootPid: () => 1 }], { vcpus: 1, memoryMb: 100, from: 'test' }, () => [reading(1, (ticks += 10), 1000)], 100);
    for (const t of [10_002, 11_002, 12_600, 13_002, 14_002]) {
      sampler.tick(t);
    }
    expect(sampler.points.get('lw0')!.map((p) => p.time)).toEqual([10_000, 11_000, 13_000]);
  });

  it('records an unreadable tree as a problem instead of failing the run', () => {
    const sampler = new ResourceSampler([{ name: 'lw0', rootPid: () => 1 }], { vcpus: 1, memoryMb: 100, from: 'test' }, () => {
      throw new Error('EACCES /proc');
    }, 100);
    sampler.tick(0);
    expect(sampler.problems).toEqual([expect.stringContaining('lw0 at 1970-01-01T00:00:00.000Z: EACCES /proc')]);
    expect(sampler.points.get('lw0')).toEqual([]);
  });
});
