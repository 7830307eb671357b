// go-plugin AutoMTLS: when the host passes PLUGIN_CLIENT_CERT, the plugin answers with a
// fresh self-signed certificate of its own (as go-plugin's mtls.go does: CA, localhost,
// server+client auth). Built from DER pieces and signed with node:crypto.
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import {
  bitString,
  boolean,
  explicitTag,
  implicitPrimitiveTag,
  objectIdentifier,
  octetString,
  sequence,
  set,
  smallInteger,
  time,
  unsignedInteger,
  utf8String,
} from './der';

const OID_ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const OID_COMMON_NAME = '2.5.4.3';
const OID_ORGANIZATION = '2.5.4.10';
const OID_BASIC_CONSTRAINTS = '2.5.29.19';
const OID_KEY_USAGE = '2.5.29.15';
const OID_EXT_KEY_USAGE = '2.5.29.37';
const OID_SUBJECT_ALT_NAME = '2.5.29.17';
const OID_SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

const HOST = 'localhost';
// go-plugin backdates by 30 s against clock skew between host and plugin.
const BACKDATE_MS = 30_000;
// The certificate lives as long as the process; go-plugin uses 30 years as well.
const VALIDITY_MS = 30 * 365 * 24 * 3600 * 1000;
// keyUsage bits digitalSignature (0) and keyCertSign (5): 0b1000_0100, two trailing unused bits.
const KEY_USAGE_BITS = Buffer.from([0x84]);
const KEY_USAGE_UNUSED_BITS = 2;

export interface SelfSignedCertificate {
  certificatePem: string;
  privateKeyPem: string;
  /** The DER bytes, sent to the host base64-encoded in the handshake line. */
  certificateDer: Buffer;
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return sequence(objectIdentifier(oid), ...(critical ? [boolean(true)] : []), octetString(value));
}

function distinguishedName(): Buffer {
  return sequence(
    set(sequence(objectIdentifier(OID_ORGANIZATION), utf8String('appsvc-triage plugin'))),
    set(sequence(objectIdentifier(OID_COMMON_NAME), utf8String(HOST)))
  );
}

function positiveSerialNumber(): Buffer {
  const serial = randomBytes(16);
  serial[0] = (serial[0] & 0x7f) | 0x01; // positive and of full length
  return serial;
}

export function createSelfSignedCertificate(now: Date = new Date()): SelfSignedCertificate {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const signatureAlgorithm = sequence(objectIdentifier(OID_ECDSA_WITH_SHA256));
  const tbsCertificate = sequence(
    explicitTag(0, smallInteger(2)), // v3
    unsignedInteger(positiveSerialNumber()),
    signatureAlgorithm,
    distinguishedName(),
    sequence(time(new Date(now.getTime() - BACKDATE_MS)), time(new Date(now.getTime() + VALIDITY_MS))),
    distinguishedName(),
    publicKey.export({ type: 'spki', format: 'der' }),
    explicitTag(
      3,
      sequence(
        extension(OID_BASIC_CONSTRAINTS, true, sequence(boolean(true))),
        extension(OID_KEY_USAGE, true, bitString(KEY_USAGE_BITS, KEY_USAGE_UNUSED_BITS)),
        extension(OID_EXT_KEY_USAGE, false, sequence(objectIdentifier(OID_SERVER_AUTH), objectIdentifier(OID_CLIENT_AUTH))),
        extension(OID_SUBJECT_ALT_NAME, false, sequence(implicitPrimitiveTag(2, Buffer.from(HOST, 'ascii'))))
      )
    )
  );
  const signature = sign('sha256', tbsCertificate, privateKey);
  const certificateDer = sequence(tbsCertificate, signatureAlgorithm, bitString(signature));
  const base64Lines = certificateDer.toString('base64').match(/.{1,64}/g) ?? [];
  return {
    certificateDer,
    certificatePem: `-----BEGIN CERTIFICATE-----\n${base64Lines.join('\n')}\n-----END CERTIFICATE-----\n`,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
