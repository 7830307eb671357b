import { parseAccessLog } from './accessLog';
import { httpRecords, instanceFor } from './httpTable';
import { siteIdentity } from './table';

const line = (over: Record<string, string> = {}) =>
  JSON.stringify({
    msec: '1763715600.123', request_time: '4.998', status: '499', method: 'GET', uri: '/slow', args: 'ms=2000',
    remote_addr: '127.0.0.1', server_port: '8080', user_agent: 'ua', request_length: '90', bytes_sent: '0',
    upstream_addr: '127.0.0.1:8001', upstream_status: '', upstream_response_time: '', affinity: '', ...over,
  });

const routes = [
  { name: 'lw0sdlwk000142', upstreamAddr: '127.0.0.1:8001', affinity: 'inst0' },
  { name: 'lw0sdlwk00014G', upstreamAddr: 'unix:/tmp/b.sock', affinity: 'inst1' },
];

describe('nginx access log → AppServiceHTTPLogs', () => {
  it('maps end time, status, ms TimeTaken and the serving instance', () => {
    const [rec] = httpRecords(parseAccessLog(`${line()}\n`), routes, siteIdentity('h1'));
    expect(rec).toMatchObject({
      TimeGenerated: '2025-11-21T09:00:00.1230000Z',
      ScStatus: 499,
      TimeTaken: 4998,
      CsUriStem: '/slow',
      CsUriQuery: 'ms=2000',
      ComputerName: 'lw0sdlwk000142',
      CsHost: 'app-lab-h1.azurewebsites.net',
      Result: 'Failure',
    });
  });

  it('picks the last upstream tried, else the affinity route', () => {
    const [a, b] = parseAccessLog([line({ upstream_addr: '127.0.0.1:8001, unix:/tmp/b.sock' }), line({ upstream_addr: '-', affinity: 'inst1' })].join('\n'));
    expect(instanceFor(a, routes)).toBe('lw0sdlwk00014G');
    expect(instanceFor(b, routes)).toBe('lw0sdlwk00014G');
  });

  it('names the bad line', () => {
    expect(() => parseAccessLog(`${line()}\nnot json\n`)).toThrow('access.log line 2 is not JSON');
    expect(() => parseAccessLog(line({ status: 'x' }))).toThrow('access.log line 1 has status "x"');
    expect(() => parseAccessLog(line({ uri: '' }))).toThrow('access.log line 1 lacks "uri"');
  });
});
