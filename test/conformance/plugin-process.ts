// Launches the packaged backend exactly as Grafana's go-plugin client does (environment,
// handshake line on stdout) and gives typed gRPC clients on the address it announces.
import { ChannelCredentials, Client, makeGenericClientConstructor, type ServiceDefinition } from '@grpc/grpc-js';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadServiceDefinitions, type ServiceDefinitions } from '../../src/backend/protocol/service-definitions';

// Optional: the other architecture's executable through a user-mode emulator, e.g.
// CONFORMANCE_ARCH=arm64 CONFORMANCE_WRAPPER="qemu-aarch64 -L /usr/aarch64-linux-gnu".
const ARCH = process.env.CONFORMANCE_ARCH ?? (process.arch === 'arm64' ? 'arm64' : 'amd64');
const WRAPPER = (process.env.CONFORMANCE_WRAPPER ?? '').split(/\s+/).filter(Boolean);
export const EXECUTABLE = resolve(__dirname, '..', '..', 'dist', 'datasource', `gpx_appsvc_triage_linux_${ARCH}`);
/** Emulation starts the executable about 40 times slower. */
export const LAUNCH_TIMEOUT_MS = WRAPPER.length ? 90_000 : 10_000;

/** Program and arguments that start the executable (through the wrapper when one is set). */
export function pluginCommand(): [string, string[]] {
  const executable = requireExecutable();
  return WRAPPER.length ? [WRAPPER[0], [...WRAPPER.slice(1), executable]] : [executable, []];
}

export function requireExecutable(): string {
  if (!existsSync(EXECUTABLE)) {
    throw new Error(`${EXECUTABLE} is missing: run \`npm run build:backend\` first (the conformance hosts test the packaged executable, not the sources)`);
  }
  return EXECUTABLE;
}

export interface Handshake {
  coreProtocol: number;
  appProtocol: number;
  network: string;
  address: string;
  protocol: string;
  serverCertificate: string;
}

export function parseHandshake(line: string): Handshake {
  const parts = line.trim().split('|');
  if (parts.length < 6) {
    throw new Error(`not a go-plugin handshake line: "${line}"`);
  }
  return {
    coreProtocol: Number(parts[0]),
    appProtocol: Number(parts[1]),
    network: parts[2],
    address: parts[3],
    protocol: parts[4],
    serverCertificate: parts[5],
  };
}

export interface LaunchedPlugin {
  child: ChildProcessWithoutNullStreams;
  handshake: Handshake;
  handshakeMs: number;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>;
}

/** The environment go-plugin's client sets (client.go: cookie, versions, port range, socket dir). */
export function goPluginEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    grafana_plugin_type: 'datasource',
    PLUGIN_PROTOCOL_VERSIONS: '2',
    PLUGIN_MIN_PORT: '10000',
    PLUGIN_MAX_PORT: '25000',
    PLUGIN_UNIX_SOCKET_DIR: mkdtempSync(join(tmpdir(), 'plugin-sockets-')),
    ...extra,
  };
}

export function launchPlugin(env: Record<string, string>, timeoutMs = LAUNCH_TIMEOUT_MS): Promise<LaunchedPlugin> {
  const started = performance.now();
  const [program, args] = pluginCommand();
  const child = spawn(program, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal, atMs: performance.now() }))
  );
  return new Promise((resolveLaunch, rejectLaunch) => {
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectLaunch(new Error(`no handshake within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        try {
          const handshake = parseHandshake(stdout.slice(0, newline));
          resolveLaunch({ child, handshake, handshakeMs: performance.now() - started, stderr: () => stderr, exited });
        } catch (error) {
          rejectLaunch(error);
        }
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      rejectLaunch(new Error(`plugin exited with ${code} before the handshake; stderr: ${stderr}`));
    });
  });
}

export type UntypedClient = Client & Record<string, (...args: unknown[]) => unknown>;

export interface PluginClients {
  definitions: ServiceDefinitions;
  health: UntypedClient;
  controller: UntypedClient;
  broker: UntypedClient;
  stdio: UntypedClient;
  data: UntypedClient;
  diagnostics: UntypedClient;
  resource: UntypedClient;
  close(): void;
}

export function connect(handshake: Handshake, credentials: ChannelCredentials = ChannelCredentials.createInsecure()): PluginClients {
  const definitions = loadServiceDefinitions();
  const target = handshake.network === 'unix' ? `unix://${handshake.address}` : handshake.address;
  // go-plugin's client verifies the server as "localhost" whatever the address.
  const options = { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' };
  const client = (definition: ServiceDefinition, name: string): UntypedClient =>
    new (makeGenericClientConstructor(definition, name))(target, credentials, options) as unknown as UntypedClient;
  const clients = {
    health: client(definitions.health, 'Health'),
    controller: client(definitions.controller, 'GRPCController'),
    broker: client(definitions.broker, 'GRPCBroker'),
    stdio: client(definitions.stdio, 'GRPCStdio'),
    data: client(definitions.data, 'Data'),
    diagnostics: client(definitions.diagnostics, 'Diagnostics'),
    resource: client(definitions.resource, 'Resource'),
  };
  return { definitions, ...clients, close: () => Object.values(clients).forEach((c) => c.close()) };
}

/** Calls a unary method and resolves with its response. */
export function unary<TResponse>(client: UntypedClient, method: string, request: unknown): Promise<TResponse> {
  return new Promise((resolveCall, rejectCall) => {
    client[method](request, (error: Error | null, response: TResponse) => (error ? rejectCall(error) : resolveCall(response)));
  });
}

/** Calls a server-streaming method and collects every message until the stream ends. */
export function collectStream<TMessage>(client: UntypedClient, method: string, request: unknown): Promise<TMessage[]> {
  return new Promise((resolveCall, rejectCall) => {
    const messages: TMessage[] = [];
    const call = client[method](request) as NodeJS.EventEmitter;
    call.on('data', (message: TMessage) => messages.push(message));
    call.on('error', rejectCall);
    call.on('end', () => resolveCall(messages));
  });
}

/** Stops the plugin (SIGKILL if it is still running) and removes the socket directory. */
export async function stopPlugin(plugin: LaunchedPlugin | undefined, env: Record<string, string>): Promise<void> {
  if (plugin && plugin.child.exitCode === null && plugin.child.signalCode === null) {
    plugin.child.kill('SIGKILL');
    await plugin.exited;
  }
  rmSync(env.PLUGIN_UNIX_SOCKET_DIR, { recursive: true, force: true });
}

/** The recording window of a lab scenario shipped beside the executable (its manifest.json). */
export function shippedScenarioWindow(scenario: string): { from: string; to: string } {
  const manifestPath = join(dirname(EXECUTABLE), 'recordings', scenario, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`${manifestPath} is missing: the conformance queries run on lab scenario "${scenario}"; run \`npm run build:backend\``);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { window?: { from?: string; to?: string } };
  if (!manifest.window?.from || !manifest.window?.to) {
    throw new Error(`${manifestPath} has no window.from/window.to`);
  }
  return { from: manifest.window.from, to: manifest.window.to };
}
