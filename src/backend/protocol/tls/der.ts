// A minimal ASN.1 DER writer: just the element kinds an X.509 certificate needs.
// Node can sign and export keys but has no API to create a certificate, so the plugin
// builds the certificate bytes itself (no native addon, no extra dependency).

const TAG_BOOLEAN = 0x01;
const TAG_INTEGER = 0x02;
const TAG_BIT_STRING = 0x03;
const TAG_OCTET_STRING = 0x04;
const TAG_OID = 0x06;
const TAG_UTF8_STRING = 0x0c;
const TAG_UTC_TIME = 0x17;
const TAG_GENERALIZED_TIME = 0x18;
const TAG_SEQUENCE = 0x30;
const TAG_SET = 0x31;

/** Encodes a definite length: short form below 128, long form above. */
function encodeLength(length: number): Buffer {
  if (length < 0x80) {
    return Buffer.from([length]);
  }
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) {
    bytes.unshift(rest % 256);
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function element(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export function sequence(...children: Buffer[]): Buffer {
  return element(TAG_SEQUENCE, Buffer.concat(children));
}

export function set(...children: Buffer[]): Buffer {
  return element(TAG_SET, Buffer.concat(children));
}

export function boolean(value: boolean): Buffer {
  return element(TAG_BOOLEAN, Buffer.from([value ? 0xff : 0x00]));
}

/** An INTEGER from unsigned big-endian bytes; a 0x00 is prefixed when the top bit is set. */
export function unsignedInteger(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) {
    start++;
  }
  const trimmed = bytes.subarray(start);
  const content = trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed;
  return element(TAG_INTEGER, content);
}

export function smallInteger(value: number): Buffer {
  if (!Number.isInteger(value) || value < 0 || value > 0x7f) {
    throw new RangeError(`smallInteger takes 0..127, got ${value}`);
  }
  return element(TAG_INTEGER, Buffer.from([value]));
}

export function objectIdentifier(dotted: string): Buffer {
  const arcs = dotted.split('.').map((arc) => Number(arc));
  if (arcs.length < 2 || arcs.some((arc) => !Number.isSafeInteger(arc) || arc < 0)) {
    throw new RangeError(`not an object identifier: "${dotted}"`);
  }
  const bytes: number[] = [arcs[0] * 40 + arcs[1]];
  for (const arc of arcs.slice(2)) {
    const base128: number[] = [arc & 0x7f];
    for (let rest = Math.floor(arc / 128); rest > 0; rest = Math.floor(rest / 128)) {
      base128.unshift((rest & 0x7f) | 0x80);
    }
    bytes.push(...base128);
  }
  return element(TAG_OID, Buffer.from(bytes));
}

export function utf8String(text: string): Buffer {
  return element(TAG_UTF8_STRING, Buffer.from(text, 'utf8'));
}

export function octetString(content: Buffer): Buffer {
  return element(TAG_OCTET_STRING, content);
}

export function bitString(content: Buffer, unusedBits = 0): Buffer {
  return element(TAG_BIT_STRING, Buffer.concat([Buffer.from([unusedBits]), content]));
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050 on. */
export function time(date: Date): Buffer {
  const iso = date.toISOString(); // 2026-11-21T08:39:47.123Z
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '') + 'Z'; // 20261121083947Z
  if (date.getUTCFullYear() < 2050) {
    return element(TAG_UTC_TIME, Buffer.from(digits.slice(2), 'ascii'));
  }
  return element(TAG_GENERALIZED_TIME, Buffer.from(digits, 'ascii'));
}

/** [n] EXPLICIT: a constructed context-specific wrapper around one element. */
export function explicitTag(tagNumber: number, inner: Buffer): Buffer {
  return element(0xa0 | tagNumber, inner);
}

/** [n] IMPLICIT primitive, e.g. a dNSName in subjectAltName. */
export function implicitPrimitiveTag(tagNumber: number, content: Buffer): Buffer {
  return element(0x80 | tagNumber, content);
}
