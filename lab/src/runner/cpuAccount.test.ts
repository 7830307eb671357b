import { CpuAccount } from './cpuAccount';
import { ProcReading } from './procTree';

const r = (pid: number, cpuTicks: number, start = 1): ProcReading => ({ pid, key: `${pid}@${start}`, cpuTicks, pssKb: 0 });

describe('CpuAccount', () => {
  it('sums each process\'s ticks since the last reading', () => {
    const account = new CpuAccount();
    account.advance([r(1, 100), r(2, 40)]);
    expect(account.advance([r(1, 130), r(2, 45)])).toBe(35);
  });

  it('drops a worker that died without a negative delta, and counts a new worker from zero', () => {
    const account = new CpuAccount();
    account.advance([r(1, 100), r(2, 40)]);
    // Worker 2 was OOM-killed; worker 3 was booted in its place during the second.
    expect(account.advance([r(1, 110), r(3, 25)])).toBe(35);
  });

  it('treats a recycled pid (new start time) as a new process', () => {
    const account = new CpuAccount();
    account.advance([r(1, 100), r(2, 400, 5)]);
    expect(account.advance([r(1, 100), r(2, 3, 9)])).toBe(3);
  });
});
