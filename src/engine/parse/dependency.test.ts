import { classifyDependencyFailure } from './dependency';

describe('dependency failure signatures', () => {
  const cases: Array<[string, object]> = [
    [
      "urllib3.exceptions.ReadTimeoutError: HTTPSConnectionPool(host='api.example.com', port=443): Read timed out. (read timeout=10)",
      { signature: 'read-timeout', target: { host: 'api.example.com', port: 443 } },
    ],
    [
      "requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='db.internal', port=5432): Max retries exceeded (Caused by ConnectTimeoutError(... 'Connection to db.internal timed out. (connect timeout=5)'))",
      { signature: 'connect-timeout', target: { host: 'db.internal', port: 5432 } },
    ],
    ['ConnectionRefusedError: [Errno 111] Connection refused', { signature: 'connection-refused' }],
    ['redis.exceptions.ConnectionError: Error 111 connecting to cache.example.net:6380. Connection refused.', { signature: 'connection-refused', target: { host: 'cache.example.net', port: 6380 } }],
    ['ConnectionResetError: [Errno 104] Connection reset by peer', { signature: 'connection-reset' }],
    ['OSError: [Errno 99] Cannot assign requested address', { signature: 'address-not-available' }],
    ['connect EADDRNOTAVAIL 10.0.0.4:443 - Local (0.0.0.0:0)', { signature: 'address-not-available', target: { host: '10.0.0.4', port: 443 } }],
    ['socket.gaierror: [Errno -2] Name or service not known', { signature: 'dns-failure' }],
    ['socket.gaierror: [Errno -3] Temporary failure in name resolution', { signature: 'dns-failure' }],
    ['getaddrinfo ENOTFOUND mystorage.privatelink.blob.core.windows.net', { signature: 'dns-failure' }],
    ['TimeoutError: timed out', { signature: 'timeout' }],
  ];
  it.each(cases)('%s', (line, expected) => {
    expect(classifyDependencyFailure(line)).toEqual(expected);
  });

  it('does not mistake unrelated errors for dependency failures', () => {
    expect(classifyDependencyFailure("ModuleNotFoundError: No module named 'wrong_module'")).toBeUndefined();
    expect(classifyDependencyFailure('OSError: [Errno 28] No space left on device')).toBeUndefined();
    expect(classifyDependencyFailure('SystemExit: 1')).toBeUndefined();
  });
});
