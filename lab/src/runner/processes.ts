import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { nowMs } from './clock';

/** One line a managed process wrote, stamped when the lab received it (like App Service does). */
export interface CapturedLine {
  t: number;
  source: string;
  stream: 'stdout' | 'stderr';
  line: string;
}

interface Managed {
  name: string;
  child: ChildProcess;
  exited: Promise<void>;
}

/**
 * Starts every lab process in its own process group, records its PID in a pid file,
 * and stops them by recorded PID. Also stops them when the runner itself is interrupted.
 */
export class ProcessRegistry {
  private readonly managed = new Map<number, Managed>();
  private readonly cleanups: Array<{ name: string; run: () => void }> = [];
  private readonly onSignal = (sig: NodeJS.Signals) => {
    this.killAllNow();
    process.stderr.write(`\nlab: interrupted by ${sig}, stopped every recorded process\n`);
    process.exit(130);
  };
  private readonly onExit = () => this.killAllNow();

  constructor(
    private readonly pidFile: string,
    private readonly onLine: (line: CapturedLine) => void,
  ) {
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
    process.on('exit', this.onExit);
  }

  start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, captureAs?: string): number {
    const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid === undefined) {
      throw new Error(`could not start ${name} (${command})`);
    }
    const pid = child.pid;
    appendFileSync(this.pidFile, `${pid} ${name} ${command} ${args.join(' ')}\n`);
    const source = captureAs ?? name;
    for (const stream of ['stdout', 'stderr'] as const) {
      const rl = createInterface({ input: child[stream]! });
      rl.on('line', (line) => this.onLine({ t: nowMs(), source, stream, line }));
    }
    const exited = new Promise<void>((resolve) => {
      child.on('exit', () => resolve());
      child.on('error', () => resolve());
    });
    this.managed.set(pid, { name, child, exited });
    return pid;
  }

  isRunning(pid: number): boolean {
    const m = this.managed.get(pid);
    return m !== undefined && m.child.exitCode === null && m.child.signalCode === null;
  }

  /** Signals the process (group) by its recorded PID; escalates to SIGKILL after graceMs. */
  async stop(pid: number, signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<void> {
    const m = this.managed.get(pid);
    if (!m) {
      throw new Error(`pid ${pid} was not started by this lab run`);
    }
    if (this.isRunning(pid)) {
      this.signalGroup(pid, signal);
      const timedOut = await Promise.race([
        m.exited.then(() => false),
        new Promise<boolean>((r) => setTimeout(() => r(true), graceMs)),
      ]);
      if (timedOut) {
        this.signalGroup(pid, 'SIGKILL');
        await m.exited;
      }
    }
    // Workers may outlive a killed master; the group id is the recorded PID.
    this.signalGroup(pid, 'SIGKILL');
    this.managed.delete(pid);
  }

  /** Registers an undo step (netns, cgroup) to run at stopAll or on interruption. */
  addCleanup(name: string, run: () => void): void {
    this.cleanups.push({ name, run });
  }

  async stopAll(): Promise<void> {
    for (const pid of [...this.managed.keys()].reverse()) {
      await this.stop(pid, 'SIGTERM', 4000);
    }
    this.runCleanups();
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    process.off('exit', this.onExit);
  }

  private killAllNow(): void {
    for (const pid of this.managed.keys()) {
      this.signalGroup(pid, 'SIGKILL');
    }
    this.managed.clear();
    this.runCleanups();
  }

  private runCleanups(): void {
    while (this.cleanups.length > 0) {
      const c = this.cleanups.pop()!;
      try {
        c.run();
      } catch (err) {
        process.stderr.write(`lab: cleanup "${c.name}" failed: ${(err as Error).message}\n`);
      }
    }
  }

  private signalGroup(pid: number, signal: NodeJS.Signals): void {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  }
}

/** Runs a short administrative command (ip, sysctl) and returns its stdout. */
export function runAdmin(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
