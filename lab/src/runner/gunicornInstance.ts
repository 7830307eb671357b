import { randomBytes } from 'node:crypto';
import { inCgroups } from './cgroup';
import { GUNICORN, PYTHON } from './capabilities';
import { nowMs } from './clock';
import { Endpoint, waitHealthy } from './httpProbe';
import { inNetns } from './netns';
import { PlatformEventLog } from './platformEvents';
import { ProcessRegistry } from './processes';

export interface InstanceConfig {
  /** The App Service instance name (ComputerName / Host), e.g. lw1sdlwk0000A0. */
  name: string;
  workers: number;
  threads: number;
  timeoutS: number;
  gracefulTimeoutS: number;
  /** Seconds each worker answers 503 after boot (the app's own warm-up). */
  warmupS: number;
  bind: Endpoint;
  netns?: string;
  /** Cgroups the master joins before exec (its workers inherit them). */
  cgroups?: Array<{ path: string }>;
}

export interface InstanceContext {
  scenario: string;
  siteName: string;
  appDir: string;
  partnerUrl: string;
  appEnv: Record<string, string>;
}

/** One "container": a real Gunicorn master with its workers, started and stopped by PID. */
export class GunicornInstance {
  pid?: number;
  containerId = '';
  generation = 0;

  constructor(
    readonly config: InstanceConfig,
    private readonly registry: ProcessRegistry,
    private readonly platform: PlatformEventLog,
    private readonly ctx: InstanceContext,
  ) {}

  get workerClass(): string {
    return this.config.threads > 1 ? 'gthread' : 'sync';
  }

  gunicornArgs(): string[] {
    const { bind } = this.config;
    const bindArg = bind.socketPath ? `unix:${bind.socketPath}` : `127.0.0.1:${bind.port}`;
    return [
      '--bind', bindArg,
      '--workers', String(this.config.workers),
      '--worker-class', this.workerClass,
      '--threads', String(this.config.threads),
      '--timeout', String(this.config.timeoutS),
      '--graceful-timeout', String(this.config.gracefulTimeoutS),
      '--chdir', this.ctx.appDir,
      '--error-logfile', '-',
      '--log-level', 'info',
      'app:app',
    ];
  }

  commandLine(): string {
    return ['gunicorn', ...this.gunicornArgs()].join(' ');
  }

  /** Spawns the master, then probes /health like the platform's warm-up probe. */
  async start(probeLimitS = 30): Promise<void> {
    this.generation += 1;
    this.containerId = `${randomBytes(6).toString('hex')}_${this.ctx.siteName}`;
    this.platform.containerStarting(this.config.name, this.containerId);
    let [command, args] = [PYTHON, [GUNICORN, ...this.gunicornArgs()]];
    if (this.config.cgroups?.length) {[command, args] = inCgroups(this.config.cgroups, command, args);}
    if (this.config.netns) {[command, args] = inNetns(this.config.netns, command, args);}
    const env = {
      PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
      LANG: 'C.UTF-8',
      TZ: 'UTC',
      PYTHONUNBUFFERED: '1',
      PYTHONDONTWRITEBYTECODE: '1',
      LAB_SCENARIO: this.ctx.scenario,
      LAB_INSTANCE: this.config.name,
      WEBSITE_SITE_NAME: this.ctx.siteName,
      LAB_PARTNER_URL: this.ctx.partnerUrl,
      LAB_WARMUP_SECONDS: String(this.config.warmupS),
      ...this.ctx.appEnv,
    };
    this.pid = this.registry.start(`gunicorn ${this.config.name}`, command, args, env, `app|${this.config.name}|${this.containerId}`);
    this.platform.containerRunning(this.config.name, this.containerId);
    const waited = await waitHealthy(this.config.bind, '/health', probeLimitS);
    if (waited === undefined) {
      this.platform.probeFailed(this.config.name, this.containerId, probeLimitS);
      throw new Error(`instance ${this.config.name} never answered 200 on /health within ${probeLimitS}s`);
    }
    this.platform.probeSucceeded(this.config.name, this.containerId, waited);
  }

  /** Graceful stop (SIGTERM, gunicorn's graceful timeout), recorded as a container stop. */
  async stop(): Promise<void> {
    if (this.pid === undefined) {return;}
    const started = nowMs();
    this.platform.containerStopping(this.config.name, this.containerId, this.config.gracefulTimeoutS);
    await this.registry.stop(this.pid, 'SIGTERM', (this.config.gracefulTimeoutS + 3) * 1000);
    this.platform.containerTerminated(this.config.name, this.containerId, nowMs() - started);
    this.pid = undefined;
  }
}
