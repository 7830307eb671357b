import { objectIdentifier, sequence, time, unsignedInteger, element } from './der';

describe('DER writer', () => {
  it('encodes object identifiers in base 128 (ecdsa-with-SHA256)', () => {
    expect(objectIdentifier('1.2.840.10045.4.3.2').toString('hex')).toBe('06082a8648ce3d040302');
  });

  it('prefixes a zero to integers whose top bit is set and strips leading zeros', () => {
    expect(unsignedInteger(Buffer.from([0x80])).toString('hex')).toBe('02020080');
    expect(unsignedInteger(Buffer.from([0x00, 0x00, 0x7f])).toString('hex')).toBe('02017f');
  });

  it('switches to the long length form at 128 bytes', () => {
    expect(element(0x04, Buffer.alloc(127)).subarray(0, 2).toString('hex')).toBe('047f');
    expect(element(0x04, Buffer.alloc(300)).subarray(0, 4).toString('hex')).toBe('0482012c');
    expect(sequence().toString('hex')).toBe('3000');
  });

  it('writes UTCTime before 2050 and GeneralizedTime from 2050', () => {
    expect(time(new Date('2049-12-31T23:59:59Z')).toString('latin1')).toBe('\x17\x0d491231235959Z');
    expect(time(new Date('2050-01-01T00:00:00Z')).toString('latin1')).toBe('\x18\x0f20500101000000Z');
  });

  it('rejects malformed object identifiers', () => {
    expect(() => objectIdentifier('1')).toThrow(/not an object identifier/);
    expect(() => objectIdentifier('1.x.3')).toThrow(/not an object identifier/);
  });
});
