// What go-plugin's host passes to the plugin process through the environment, read and
// checked in one place: the magic cookie, protocol versions, where to listen, AutoMTLS.
export const MAGIC_COOKIE_KEY = 'grafana_plugin_type';
export const MAGIC_COOKIE_VALUE = 'datasource';
export const CORE_PROTOCOL_VERSION = 1;
export const PLUGIN_PROTOCOL_VERSION = 2;

export type ListenTarget =
  | { kind: 'unix'; socketDirectory: string | undefined }
  | { kind: 'tcp'; minPort: number; maxPort: number };

export interface GoPluginEnvironment {
  protocolVersion: number;
  listen: ListenTarget;
  /** PEM of the host's client certificate when the host uses AutoMTLS. */
  clientCertificatePem: string | undefined;
  /** go-plugin appends a 7th handshake field only when the host announced multiplexing. */
  hostAskedAboutMultiplexing: boolean;
}

export class HandshakeRefused extends Error {}

type Env = Record<string, string | undefined>;

function parsePort(env: Env, name: string): number {
  const text = env[name];
  if (text === undefined || text === '') {
    return 0;
  }
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new HandshakeRefused(`${name}="${text}" is not a port number (0-65535)`);
  }
  return port;
}

/** Like go-plugin: pick our version if the host lists it; an absent list means legacy host. */
function negotiateProtocolVersion(env: Env): number {
  const listed = env.PLUGIN_PROTOCOL_VERSIONS;
  if (listed === undefined || listed === '') {
    return PLUGIN_PROTOCOL_VERSION;
  }
  const versions = listed.split(',').map((part) => Number(part.trim()));
  if (!versions.includes(PLUGIN_PROTOCOL_VERSION)) {
    throw new HandshakeRefused(
      `the host speaks plugin protocol versions ${listed}; this plugin speaks ${PLUGIN_PROTOCOL_VERSION} (pluginv2). ` +
        'Use a Grafana version that supports protocol 2.'
    );
  }
  return PLUGIN_PROTOCOL_VERSION;
}

function listenTarget(env: Env, unixSocketsAvailable: boolean): ListenTarget {
  if (unixSocketsAvailable) {
    return { kind: 'unix', socketDirectory: env.PLUGIN_UNIX_SOCKET_DIR || undefined };
  }
  const minPort = parsePort(env, 'PLUGIN_MIN_PORT');
  const maxPort = parsePort(env, 'PLUGIN_MAX_PORT');
  if (minPort > maxPort) {
    throw new HandshakeRefused(`PLUGIN_MIN_PORT (${minPort}) is greater than PLUGIN_MAX_PORT (${maxPort})`);
  }
  return { kind: 'tcp', minPort, maxPort };
}

export function readGoPluginEnvironment(env: Env, unixSocketsAvailable = process.platform !== 'win32'): GoPluginEnvironment {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    throw new HandshakeRefused(
      'This binary is a Grafana backend plugin: Grafana starts it and talks to it over gRPC. ' +
        `It is not meant to be run directly (environment variable ${MAGIC_COOKIE_KEY}=${MAGIC_COOKIE_VALUE} is missing).`
    );
  }
  return {
    protocolVersion: negotiateProtocolVersion(env),
    listen: listenTarget(env, unixSocketsAvailable),
    clientCertificatePem: env.PLUGIN_CLIENT_CERT || undefined,
    hostAskedAboutMultiplexing: (env.PLUGIN_MULTIPLEX_GRPC ?? '') !== '',
  };
}

/**
 * The line go-plugin's host reads from stdout:
 * CORE|APP|NETWORK|ADDRESS|PROTOCOL|SERVER_CERT[|MULTIPLEX].
 * The certificate is base64 *without padding* (go-plugin uses base64.RawStdEncoding).
 */
export function formatHandshakeLine(
  protocolVersion: number,
  network: 'unix' | 'tcp',
  address: string,
  serverCertificateDer: Buffer | undefined,
  hostAskedAboutMultiplexing: boolean
): string {
  const certificate = serverCertificateDer ? serverCertificateDer.toString('base64').replace(/=+$/, '') : '';
  const fields = [String(CORE_PROTOCOL_VERSION), String(protocolVersion), network, address, 'grpc', certificate];
  if (hostAskedAboutMultiplexing) {
    fields.push('false'); // this plugin's gRPC broker does not multiplex
  }
  return fields.join('|');
}
