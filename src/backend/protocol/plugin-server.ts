// Starts the gRPC server with every service a go-plugin host (Grafana) calls, on the unix
// socket or TCP port the environment asks for, with AutoMTLS when the host sent a cert.
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatHandshakeLine, type GoPluginEnvironment } from './go-plugin-env';
import { brokerService, controllerService, healthService, OpenStreams, stdioService } from './go-plugin-services';
import type { Logger } from './hclog';
import { InstanceCache } from './instance-cache';
import type { PluginMetrics } from './metrics';
import type { PluginHandlers } from './plugin-types';
import { dataService, diagnosticsService, resourceService } from './pluginv2-services';
import { loadServiceDefinitions } from './service-definitions';
import { createSelfSignedCertificate } from './tls/self-signed-cert';

const MAX_RECEIVE_MESSAGE_BYTES = 16 * 1024 * 1024;

export interface PluginServerOptions<TInstance> {
  environment: GoPluginEnvironment;
  handlers: PluginHandlers<TInstance>;
  metrics: PluginMetrics;
  logger: Logger;
  onShutdownRequested: () => void;
}

export interface RunningPluginServer {
  handshakeLine: string;
  /** Ends held streams, lets in-flight calls finish, then closes; forced after the deadline. */
  stop(deadlineMs: number): Promise<void>;
}

function bind(server: Server, address: string, credentials: ServerCredentials): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(address, credentials, (error, port) => (error ? reject(error) : resolve(port)));
  });
}

/** Like go-plugin: a fresh "plugin<random>" path in the host's socket dir or the temp dir. */
function unixSocketPath(directory: string | undefined): string {
  return join(directory ?? tmpdir(), `plugin${randomBytes(6).readUIntBE(0, 6)}`);
}

async function listen(
  server: Server,
  environment: GoPluginEnvironment,
  credentials: ServerCredentials
): Promise<{ network: 'unix' | 'tcp'; address: string; cleanup: () => void }> {
  const target = environment.listen;
  if (target.kind === 'unix') {
    const path = unixSocketPath(target.socketDirectory);
    await bind(server, `unix://${path}`, credentials);
    return { network: 'unix', address: path, cleanup: () => rmSync(path, { force: true }) };
  }
  const errors: string[] = [];
  for (let port = target.minPort; port <= target.maxPort; port++) {
    try {
      const bound = await bind(server, `127.0.0.1:${port}`, credentials);
      return { network: 'tcp', address: `127.0.0.1:${bound}`, cleanup: () => undefined };
    } catch (error) {
      errors.push(`${port}: ${(error as Error).message}`);
    }
  }
  throw new Error(`could not bind a TCP port in ${target.minPort}-${target.maxPort} (${errors.slice(-1)[0] ?? 'empty range'})`);
}

export async function startPluginServer<TInstance>(options: PluginServerOptions<TInstance>): Promise<RunningPluginServer> {
  const { environment, handlers, metrics, logger } = options;
  const definitions = loadServiceDefinitions();
  const openStreams = new OpenStreams();
  const instances = new InstanceCache(handlers.createInstance, handlers.disposeInstance);
  const deps = { handlers, instances, metrics, logger };

  // The Go SDK's limits: receive up to 16 MiB (grpc's 4 MiB default is too small for large
  // resource bodies), send without limit (grpc-js default; Grafana's client accepts 2 GiB).
  const server = new Server({ 'grpc.max_receive_message_length': MAX_RECEIVE_MESSAGE_BYTES });
  server.addService(definitions.health, healthService(openStreams));
  server.addService(definitions.controller, controllerService(options.onShutdownRequested));
  server.addService(definitions.broker, brokerService(openStreams));
  server.addService(definitions.stdio, stdioService(openStreams));
  server.addService(definitions.data, dataService(deps));
  server.addService(definitions.diagnostics, diagnosticsService(deps));
  server.addService(definitions.resource, resourceService(deps));

  let credentials = ServerCredentials.createInsecure();
  let certificateDer: Buffer | undefined;
  if (environment.clientCertificatePem) {
    const certificate = createSelfSignedCertificate();
    credentials = ServerCredentials.createSsl(
      Buffer.from(environment.clientCertificatePem),
      [{ private_key: Buffer.from(certificate.privateKeyPem), cert_chain: Buffer.from(certificate.certificatePem) }],
      true
    );
    certificateDer = certificate.certificateDer;
    logger.debug('automatic mTLS configured');
  }

  const { network, address, cleanup } = await listen(server, environment, credentials);
  logger.debug('plugin address', { network, address });

  const stop = (deadlineMs: number): Promise<void> =>
    new Promise((resolve) => {
      const finish = (): void => {
        instances.disposeAll();
        cleanup();
        resolve();
      };
      const forced = setTimeout(() => {
        server.forceShutdown();
        finish();
      }, deadlineMs);
      openStreams.endAll();
      server.tryShutdown(() => {
        clearTimeout(forced);
        finish();
      });
    });

  return {
    handshakeLine: formatHandshakeLine(environment.protocolVersion, network, address, certificateDer, environment.hostAskedAboutMultiplexing),
    stop,
  };
}
