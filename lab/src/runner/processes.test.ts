import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CapturedLine, ProcessRegistry } from './processes';
import { waitForLine } from './waitForLine';

/** True while the pid exists and is not a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) {
    return false;
  }
  const state = readFileSync(stat, 'utf8').split(') ')[1]?.[0];
  return state !== undefined && state !== 'Z' && state !== 'X';
}

describe('ProcessRegistry', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lab-proc-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('records the pid, captures lines, and stops the whole process group by that pid', async () => {
    const lines: CapturedLine[] = [];
    const registry = new ProcessRegistry(join(dir, 'pids.txt'), (l) => lines.push(l));
    const pid = registry.start('sh', '/bin/sh', ['-c', 'sleep 30 & echo "child $!"; echo oops >&2; wait'], { PATH: '/usr/bin:/bin' });
    await waitForLine(lines, 'sh', /^child \d+$/, 5000);
    await waitForLine(lines, 'sh', /^oops$/, 5000);
    const child = Number(/^child (\d+)$/.exec(lines.find((l) => l.stream === 'stdout')!.line)![1]);
    expect(alive(pid)).toBe(true);
    expect(alive(child)).toBe(true);
    expect(lines.find((l) => l.line === 'oops')?.stream).toBe('stderr');
    expect(readFileSync(join(dir, 'pids.txt'), 'utf8')).toContain(`${pid} sh /bin/sh`);

    let cleaned = false;
    registry.addCleanup('marker', () => {
      cleaned = true;
    });
    await registry.stopAll();
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(pid)).toBe(false);
    expect(alive(child)).toBe(false);
    expect(cleaned).toBe(true);
  });

  it('refuses to stop a pid it did not start', async () => {
    const registry = new ProcessRegistry(join(dir, 'pids.txt'), () => undefined);
    await expect(registry.stop(process.pid)).rejects.toThrow(`pid ${process.pid} was not started by this lab run`);
    await registry.stopAll();
  });
});
