import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePssKb, parseStat, readProcessTree } from './procTree';

/** A /proc/<pid>/stat line: pid (comm) state ppid … utime(14) stime(15) … starttime(22). */
function statLine(pid: number, comm: string, ppid: number, utime: number, stime: number, start: number): string {
  const fields = ['S', ppid, pid, pid, 0, -1, 4194560, 0, 0, 0, 0, utime, stime, 0, 0, 20, 0, 1, 0, start, 1000, 200];
  return `${pid} (${comm}) ${fields.join(' ')}\n`;
}

describe('parseStat', () => {
  it('reads ppid, utime+stime and start time even when the command name holds spaces and parentheses', () => {
    expect(parseStat(statLine(42, 'gunicorn: worker (app:app)', 7, 150, 30, 9000))).toEqual({ ppid: 7, cpuTicks: 180, startTime: 9000 });
  });

  it('gives undefined for a line that is not a stat line', () => {
    expect(parseStat('garbage')).toBeUndefined();
    expect(parseStat('1 (x) S')).toBeUndefined();
  });
});

describe('parsePssKb', () => {
  it('takes the Pss line, not Pss_Anon or Rss', () => {
    expect(parsePssKb('55d-7ff ---p 0 00:00 0 [rollup]\nRss:  1640 kB\nPss:   401 kB\nPss_Anon:   112 kB\n')).toBe(401);
    expect(parsePssKb('')).toBeUndefined();
  });
});

describe('readProcessTree', () => {
  let proc: string;
  const add = (pid: number, ppid: number, ticks: number, pss?: number) => {
    mkdirSync(join(proc, String(pid)));
    writeFileSync(join(proc, String(pid), 'stat'), statLine(pid, 'python3', ppid, ticks, 0, 1000 + pid));
    if (pss !== undefined) {
      writeFileSync(join(proc, String(pid), 'smaps_rollup'), `Rss: ${pss * 2} kB\nPss: ${pss} kB\n`);
    }
  };
  beforeEach(() => {
    proc = mkdtempSync(join(tmpdir(), 'fake-proc-'));
  });
  afterEach(() => rmSync(proc, { recursive: true, force: true }));

  it('walks the master, its workers and their children, and nothing else', () => {
    add(100, 1, 50, 20000);
    add(101, 100, 10, 8000);
    add(102, 100, 12, 8000);
    add(150, 101, 1, 500);
    add(200, 1, 999, 99999);
    const tree = readProcessTree(100, proc);
    expect(tree.map((r) => r.pid).sort()).toEqual([100, 101, 102, 150]);
    expect(tree.reduce((s, r) => s + r.pssKb, 0)).toBe(36500);
    expect(tree.find((r) => r.pid === 101)).toEqual({ pid: 101, key: '101@1101', cpuTicks: 10, pssKb: 8000 });
  });

  it('counts a zombie worker (no smaps) with its CPU ticks and no memory', () => {
    add(100, 1, 50, 20000);
    add(101, 100, 10);
    expect(readProcessTree(100, proc).find((r) => r.pid === 101)).toMatchObject({ cpuTicks: 10, pssKb: 0 });
  });

  it('gives an empty tree when the master is gone', () => {
    add(101, 100, 10, 8000);
    expect(readProcessTree(100, proc)).toEqual([]);
  });
});
