import { formatHandshakeLine, HandshakeRefused, readGoPluginEnvironment } from './go-plugin-env';

const cookie = { grafana_plugin_type: 'datasource' };

describe('readGoPluginEnvironment', () => {
  it('refuses to run without the magic cookie and says why', () => {
    expect(() => readGoPluginEnvironment({})).toThrow(HandshakeRefused);
    expect(() => readGoPluginEnvironment({ grafana_plugin_type: 'app' })).toThrow(/grafana_plugin_type=datasource/);
  });

  it('negotiates protocol 2 from the host list and refuses a host without it', () => {
    expect(readGoPluginEnvironment({ ...cookie, PLUGIN_PROTOCOL_VERSIONS: '1,2' }).protocolVersion).toBe(2);
    expect(readGoPluginEnvironment({ ...cookie }).protocolVersion).toBe(2);
    expect(() => readGoPluginEnvironment({ ...cookie, PLUGIN_PROTOCOL_VERSIONS: '1' })).toThrow(/speaks 2/);
  });

  it('listens on a unix socket in the directory the host names', () => {
    const env = readGoPluginEnvironment({ ...cookie, PLUGIN_UNIX_SOCKET_DIR: '/run/grafana' });
    expect(env.listen).toEqual({ kind: 'unix', socketDirectory: '/run/grafana' });
  });

  it('uses the port range where unix sockets are unavailable and rejects a bad range', () => {
    const env = readGoPluginEnvironment({ ...cookie, PLUGIN_MIN_PORT: '10000', PLUGIN_MAX_PORT: '25000' }, false);
    expect(env.listen).toEqual({ kind: 'tcp', minPort: 10000, maxPort: 25000 });
    expect(() => readGoPluginEnvironment({ ...cookie, PLUGIN_MIN_PORT: '9', PLUGIN_MAX_PORT: '3' }, false)).toThrow(
      /PLUGIN_MIN_PORT \(9\) is greater than PLUGIN_MAX_PORT \(3\)/
    );
    expect(() => readGoPluginEnvironment({ ...cookie, PLUGIN_MIN_PORT: 'abc' }, false)).toThrow(/PLUGIN_MIN_PORT="abc"/);
  });

  it('notices AutoMTLS and multiplexing requests', () => {
    const env = readGoPluginEnvironment({ ...cookie, PLUGIN_CLIENT_CERT: 'PEM', PLUGIN_MULTIPLEX_GRPC: 'true' });
    expect(env.clientCertificatePem).toBe('PEM');
    expect(env.hostAskedAboutMultiplexing).toBe(true);
  });
});

describe('formatHandshakeLine', () => {
  it('prints go-plugin six fields with an empty certificate when there is no TLS', () => {
    expect(formatHandshakeLine(2, 'unix', '/tmp/plugin123', undefined, false)).toBe('1|2|unix|/tmp/plugin123|grpc|');
  });

  it('appends the certificate as unpadded base64 and answers the multiplexing question', () => {
    const der = Buffer.from([1, 2, 3, 4]); // base64 "AQIDBA==" → unpadded "AQIDBA"
    expect(formatHandshakeLine(2, 'tcp', '127.0.0.1:10001', der, true)).toBe('1|2|tcp|127.0.0.1:10001|grpc|AQIDBA|false');
  });
});
