import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runLoad } from '../load/loadgen';
import { ClientResult } from '../load/plan';
import { siteIdentity } from '../shape/table';
import { B1_INSTANCE, FaultAction, ScenarioControl, ScenarioDefinition } from '../scenarios/types';
import { Capabilities, PYTHON, detectCapabilities, missingFor } from './capabilities';
import { MemoryCgroup, createMemoryCgroup } from './cgroup';
import { CpuCgroup, createCpuCgroup } from './cpuCgroup';
import { msUntilSecondOfMinute, nowMs } from './clock';
import { freePort } from './freePort';
import { GunicornInstance } from './gunicornInstance';
import { createNetns, inNetns } from './netns';
import { nginxConfig, startNginx, upstreamAddress } from './nginx';
import { PlatformEventLog } from './platformEvents';
import { ResourceSampler } from './resourceSampler';
import { CapturedLine, ProcessRegistry } from './processes';
import { LiveRun, writeRecording } from './writeRecording';
import { waitForLine } from './waitForLine';

export interface RunOptions {
  outDir: string;
  short?: boolean;
  log?: (message: string) => void;
}

export type RunOutcome =
  | { status: 'recorded'; dir: string; summary: string }
  | { status: 'skipped'; reason: string };

const APP_DIR = resolve(__dirname, '../../app');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Seconds the set-up (partner, gunicorn, nginx) is given before an aligned load start. */
const STARTUP_ALLOWANCE_S = 12;

/** Runs one scenario live (real processes, real load) and writes its recording. */
export async function runScenario(def: ScenarioDefinition, options: RunOptions): Promise<RunOutcome> {
  const log = options.log ?? ((m: string) => process.stdout.write(`[lab ${def.name}] ${m}\n`));
  const caps = detectCapabilities();
  const missing = missingFor(caps, def.needs);
  if (missing) {
    log(`SKIPPED: ${missing}`);
    return { status: 'skipped', reason: missing };
  }
  const work = mkdtempSync(join(tmpdir(), `lab-${def.name}-`));
  const lines: CapturedLine[] = [];
  const registry = new ProcessRegistry(join(work, 'pids.txt'), (l) => lines.push(l));
  log(`work dir ${work} (pid file pids.txt)`);
  let live: LiveRun;
  try {
    live = await runLive(def, options.short ?? false, { work, lines, registry, caps, log });
  } finally {
    log('stopping every recorded process');
    await registry.stopAll();
  }
  const dir = writeRecording(def, options.short ?? false, options.outDir, live, caps);
  // The work dir (raw logs, pid file) is kept only when a run fails, for inspection.
  rmSync(work, { recursive: true, force: true });
  log(`recording written to ${dir}`);
  return { status: 'recorded', dir, summary: live.summary() };
}

interface LiveContext {
  work: string;
  lines: CapturedLine[];
  registry: ProcessRegistry;
  caps: Capabilities;
  log: (m: string) => void;
}

async function runLive(def: ScenarioDefinition, short: boolean, ctx: LiveContext): Promise<LiveRun> {
  const { work, registry, log } = ctx;
  const site = siteIdentity(def.name);
  const platform = new PlatformEventLog(site.siteName);
  const aligned = def.loadStartsAtSecondOfMinute;
  if (aligned !== undefined) {
    // Idle before the recording's window opens, leaving about STARTUP_ALLOWANCE_S for start-up.
    const wait = msUntilSecondOfMinute(nowMs(), aligned - STARTUP_ALLOWANCE_S);
    log(`waiting ${(wait / 1000).toFixed(0)} s so the load starts at second ${aligned} of a minute`);
    await sleep(wait);
  }
  const windowFrom = nowMs();

  let netns: string | undefined;
  if (def.netnsSysctls) {
    netns = createNetns(registry, `lab${process.pid}`, def.netnsSysctls);
    log(`network namespace ${netns} with ${JSON.stringify(def.netnsSysctls)}`);
  }
  let cgroup: MemoryCgroup | undefined;
  if (def.memoryLimitMb) {
    cgroup = createMemoryCgroup(registry, `lab-${def.name}-${process.pid}`, ctx.caps.memoryCgroup!, def.memoryLimitMb * 1024 * 1024);
    log(`memory cgroup ${cgroup.path} limit ${def.memoryLimitMb} MiB (${cgroup.version})`);
  }
  let cpuCgroup: CpuCgroup | undefined;
  if (def.cpuLimitVcpus) {
    cpuCgroup = createCpuCgroup(registry, `lab-${def.name}-${process.pid}`, ctx.caps.cpuCgroup!, def.cpuLimitVcpus);
    log(`cpu cgroup ${cpuCgroup.path} quota ${cpuCgroup.quotaUs}/${cpuCgroup.periodUs} µs (${cpuCgroup.version})`);
  }
  const cgroups = [cgroup, cpuCgroup].filter((c): c is MemoryCgroup | CpuCgroup => c !== undefined);

  const partnerPort = await freePort();
  const modeFile = join(work, 'partner-mode.json');
  writeFileSync(modeFile, JSON.stringify(def.partnerMode));
  let partnerCmd: [string, string[]] = [PYTHON, [join(APP_DIR, 'partner.py'), '127.0.0.1', String(partnerPort), modeFile]];
  if (netns) {partnerCmd = inNetns(netns, ...partnerCmd);}
  registry.start('partner', partnerCmd[0], partnerCmd[1], { PATH: '/usr/bin:/bin', PYTHONDONTWRITEBYTECODE: '1' });
  await waitForLine(ctx.lines, 'partner', /partner listening/, 10000);

  const instances: GunicornInstance[] = [];
  for (const spec of def.instances) {
    const bind = netns ? { socketPath: join(work, `${spec.name}.sock`) } : { port: await freePort() };
    instances.push(
      new GunicornInstance({ ...spec, bind, netns, cgroups }, registry, platform, {
        scenario: def.name,
        siteName: site.siteName,
        appDir: APP_DIR,
        partnerUrl: `http://127.0.0.1:${partnerPort}`,
        appEnv: def.appEnv,
      }),
    );
  }
  log(`starting ${instances.length} gunicorn instance(s): ${instances[0].commandLine()}`);
  await Promise.all(instances.map((i) => i.start()));
  const instanceSize = def.instanceSize ?? B1_INSTANCE;
  const sampler = new ResourceSampler(instances.map((i) => ({ name: i.config.name, rootPid: () => i.pid })), instanceSize);
  registry.addCleanup('resource sampler', () => sampler.stop());
  sampler.start();

  const nginxPort = await freePort();
  const upstreams = def.instances.map((spec, i) => ({ affinity: spec.affinity, endpoint: instances[i].config.bind }));
  startNginx(registry, work, nginxConfig(work, nginxPort, site.siteHost, upstreams, ctx.caps.root));
  await sleep(500);

  const { streams, durationS } = def.load(short);
  if (aligned !== undefined) {
    await sleep(msUntilSecondOfMinute(nowMs(), aligned));
  }
  const loadStart = nowMs();
  const control: ScenarioControl = {
    setPartnerMode: (mode) => writeFileSync(modeFile, JSON.stringify(mode)),
    restartInstance: async (index, downtimeS) => {
      await instances[index].stop();
      await sleep(downtimeS * 1000);
      await instances[index].start();
    },
    log,
  };
  const applied: Array<{ atS: number; label: string }> = [];
  const faultRuns = def.faults.map((f: FaultAction) =>
    sleep(f.atS * 1000).then(async () => {
      log(`fault at +${f.atS}s: ${f.label}`);
      applied.push({ atS: f.atS, label: f.label });
      await f.run(control);
    }),
  );
  log(`load for ${durationS}s through nginx 127.0.0.1:${nginxPort} (${streams.length} streams)`);
  const results: ClientResult[] = await runLoad(
    { baseUrl: `http://127.0.0.1:${nginxPort}`, streams, maxRequests: 20000, maxWallS: durationS + 30 },
    (p) =>
      log(`t=${p.elapsedS.toFixed(0)}s sent=${p.sent} ok=${p.ok} 5xx=${p.status5xx} client-timeouts=${p.timeouts} errors=${p.errors}`),
  );
  await Promise.all(faultRuns);
  await sleep(1500); // let the last log lines arrive
  sampler.stop();
  const windowTo = nowMs();
  const fw = def.faultWindow(short);
  return new LiveRun({
    site,
    windowFrom,
    windowTo,
    faultWindow: fw ? { from: loadStart + fw.fromS * 1000, to: loadStart + fw.toS * 1000 } : null,
    accessLog: readFileSync(join(work, 'access.log'), 'utf8'),
    lines: ctx.lines,
    platformEvents: platform.events,
    instances,
    routes: instances.map((inst, i) => ({ name: inst.config.name, upstreamAddr: upstreamAddress(inst.config.bind), affinity: def.instances[i].affinity })),
    results,
    applied,
    resources: { size: instanceSize, points: sampler.points, problems: sampler.problems },
    isolation: {
      networkNamespace: netns ? { sysctls: def.netnsSysctls, note: 'gunicorn and the partner run inside; nginx reaches gunicorn over a unix socket' } : null,
      memoryCgroup: cgroup ? { version: cgroup.version, limitMb: def.memoryLimitMb, oomKillsCounted: cgroup.oomKills() } : null,
      cpuCgroup: cpuCgroup
        ? { version: cpuCgroup.version, vcpus: cpuCgroup.vcpus, quotaUs: cpuCgroup.quotaUs, periodUs: cpuCgroup.periodUs, ...cpuCgroup.throttling() }
        : null,
    },
  });
}
