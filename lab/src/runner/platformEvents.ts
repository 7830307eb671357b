import { nowMs } from './clock';

/**
 * A platform event the lab SYNTHESIZES: there is no App Service platform here, so the
 * runner writes one of these whenever it really starts, stops or probes an instance.
 * Only the wording is App Service's (copied from real AppServicePlatformLogs rows);
 * the timing is that of the real process transition or probe.
 */
export interface PlatformEvent {
  t: number;
  instance: string;
  containerId: string;
  level: 'Informational' | 'Warning' | 'Error';
  message: string;
  /** What really happened that this row stands for. */
  cause: string;
}

const WARMUP_STATE =
  'State: Starting, Action: WaitingForSiteWarmUpProbeSuccess, LastError: , LastErrorTimestamp: 01/01/0001 00:00:00, ' +
  'LastErrorDetails: , Details: Pinging warmup path to ensure container is ready to receive requests., DetailsLevel: INFO';

export class PlatformEventLog {
  readonly events: PlatformEvent[] = [];

  constructor(private readonly siteName: string) {}

  private add(instance: string, containerId: string, level: PlatformEvent['level'], message: string, cause: string) {
    this.events.push({ t: nowMs(), instance, containerId, level, message, cause });
  }

  containerStarting(instance: string, containerId: string): void {
    this.add(instance, containerId, 'Informational', 'Container is starting.', 'runner is about to spawn the gunicorn master');
    this.add(instance, containerId, 'Informational', `Starting container: ${containerId}.`, 'runner spawns the gunicorn master');
  }

  containerRunning(instance: string, containerId: string): void {
    this.add(instance, containerId, 'Informational', 'Container is running.', 'gunicorn master process spawned');
    this.add(instance, containerId, 'Informational', WARMUP_STATE, 'runner starts probing /health on the instance');
  }

  probeSucceeded(instance: string, containerId: string, seconds: number): void {
    this.add(instance, containerId, 'Informational', `Site startup probe succeeded after ${seconds.toFixed(7)} seconds.`, 'first 200 from /health');
    this.add(
      instance,
      containerId,
      'Informational',
      `Container ${containerId} for site ${this.siteName} initialized successfully and is ready to serve requests.`,
      'first 200 from /health',
    );
    this.add(instance, containerId, 'Informational', 'Site started.', 'first 200 from /health');
  }

  probeFailed(instance: string, containerId: string, seconds: number): void {
    this.add(instance, containerId, 'Error', `Site startup probe failed after ${seconds.toFixed(7)} seconds.`, 'no 200 from /health within the probe limit');
  }

  containerStopping(instance: string, containerId: string, graceSeconds: number): void {
    this.add(instance, containerId, 'Informational', `Stopping container: ${containerId}.`, 'runner sends SIGTERM to the gunicorn master');
    this.add(instance, containerId, 'Informational', `Container is terminating. Grace period: ${graceSeconds} seconds.`, 'runner sends SIGTERM to the gunicorn master');
  }

  containerTerminated(instance: string, containerId: string, elapsedMs: number): void {
    this.add(instance, containerId, 'Informational', `Container is terminated. Total time elapsed: ${Math.round(elapsedMs)} ms.`, 'gunicorn master exited');
  }
}
