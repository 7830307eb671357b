import fc from 'fast-check';
import { assertLoopbackUrl, isLoopbackIPv4 } from './loopback';

describe('assertLoopbackUrl', () => {
  it('accepts literal 127.0.0.0/8 http targets', () => {
    expect(assertLoopbackUrl('http://127.0.0.1:8080/x').port).toBe('8080');
    expect(assertLoopbackUrl('http://127.255.3.4/').hostname).toBe('127.255.3.4');
  });

  it.each([
    ['http://10.0.0.1/', 'not a literal address in 127.0.0.0/8'],
    ['http://localhost:80/', 'not a literal address in 127.0.0.0/8'],
    ['http://example.com/', 'not a literal address in 127.0.0.0/8'],
    ['http://[::1]:80/', 'not a literal address in 127.0.0.0/8'],
    ['https://127.0.0.1/', 'must use http:'],
    ['not a url', 'is not a valid URL'],
  ])('refuses %s', (url, reason) => {
    expect(() => assertLoopbackUrl(url)).toThrow(reason);
  });

  it('accepts exactly the IPv4 addresses whose first octet is 127', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(isLoopbackIPv4(ip)).toBe(ip.split('.')[0] === '127');
      }),
    );
  });
});
