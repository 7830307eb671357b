// Conformance host 1, process lifecycle: the packaged executable refuses to run outside a
// go-plugin host, stops cleanly, speaks AutoMTLS and does not outlive its parent.
import { credentials as grpcCredentials, status as GrpcStatus } from '@grpc/grpc-js';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createSelfSignedCertificate } from '../../src/backend/protocol/tls/self-signed-cert';
import { connect, goPluginEnvironment, launchPlugin, LAUNCH_TIMEOUT_MS, pluginCommand, requireExecutable, stopPlugin, unary } from './plugin-process';

jest.setTimeout(3 * LAUNCH_TIMEOUT_MS);

describe('the packaged executable as a process', () => {
  it('exists (build it with npm run build:backend)', () => {
    expect(requireExecutable()).toMatch(/gpx_appsvc_triage_linux_(amd64|arm64)$/);
  });

  it('refuses to start without the magic cookie and says why', async () => {
    const [program, args] = pluginCommand();
    const child = spawn(program, args, { env: { PATH: process.env.PATH ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/grafana_plugin_type=datasource/);
  });


  it('stops cleanly on SIGTERM sent the moment the handshake is read (no socket left behind)', async () => {
    const env = goPluginEnvironment();
    const plugin = await launchPlugin(env);
    plugin.child.kill('SIGTERM');
    const exit = await plugin.exited;
    expect(exit.code).toBe(0);
    expect(existsSync(plugin.handshake.address)).toBe(false);
    await stopPlugin(plugin, env);
  });

  it('serves over AutoMTLS when the host sends PLUGIN_CLIENT_CERT', async () => {
    const clientCertificate = createSelfSignedCertificate();
    const env = goPluginEnvironment({ PLUGIN_CLIENT_CERT: clientCertificate.certificatePem });
    const plugin = await launchPlugin(env);
    try {
      const der = plugin.handshake.serverCertificate;
      expect(der.length).toBeGreaterThan(50);
      expect(der).not.toMatch(/=$/); // go-plugin decodes with RawStdEncoding
      const serverPem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(der, 'base64').toString('base64')}\n-----END CERTIFICATE-----\n`;
      const mutual = connect(
        plugin.handshake,
        grpcCredentials.createSsl(Buffer.from(serverPem), Buffer.from(clientCertificate.privateKeyPem), Buffer.from(clientCertificate.certificatePem))
      );
      await expect(unary(mutual.health, 'Check', { service: 'plugin' })).resolves.toEqual({ status: 'SERVING' });
      mutual.close();
      const stranger = createSelfSignedCertificate();
      const refused = connect(
        plugin.handshake,
        grpcCredentials.createSsl(Buffer.from(serverPem), Buffer.from(stranger.privateKeyPem), Buffer.from(stranger.certificatePem))
      );
      await expect(unary(refused.health, 'Check', { service: 'plugin' })).rejects.toMatchObject({ code: GrpcStatus.UNAVAILABLE });
      refused.close();
    } finally {
      await stopPlugin(plugin, env);
    }
  });

  it('exits by itself when its parent process is gone', async () => {
    const env = goPluginEnvironment();
    // A shell plays Grafana: it starts the plugin, prints its pid, then is killed.
    const command = [pluginCommand()[0], ...pluginCommand()[1]].map((part) => `"${part}"`).join(' ');
    const parent = spawn('/bin/sh', ['-c', `${command} & echo "pid $!"; wait`], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    parent.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const deadline = Date.now() + LAUNCH_TIMEOUT_MS;
    while (!/pid \d+[\s\S]*\|grpc\|/.test(stdout) && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 50));
    }
    const pid = Number(/pid (\d+)/.exec(stdout)?.[1]);
    expect(pid).toBeGreaterThan(0);
    parent.kill('SIGKILL');
    const gone = async (): Promise<boolean> => {
      try {
        const state = readFileSync(join('/proc', String(pid), 'stat'), 'utf8').split(' ')[2];
        return state === 'Z';
      } catch {
        return true;
      }
    };
    const until = Date.now() + Math.max(5000, LAUNCH_TIMEOUT_MS / 3);
    while (!(await gone()) && Date.now() < until) {
      await new Promise((done) => setTimeout(done, 100));
    }
    const exitedInTime = await gone();
    if (!exitedInTime) {process.kill(pid, 'SIGKILL');}
    rmSync(env.PLUGIN_UNIX_SOCKET_DIR, { recursive: true, force: true });
    expect(exitedInTime).toBe(true);
  });
});
