import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { createSelfSignedCertificate } from './self-signed-cert';

describe('createSelfSignedCertificate', () => {
  const now = new Date('2026-11-21T08:00:00Z');
  const created = createSelfSignedCertificate(now);
  const certificate = new X509Certificate(created.certificatePem);

  it('is a CA for localhost, signed by its own key, as go-plugin AutoMTLS expects', () => {
    expect(certificate.ca).toBe(true);
    expect(certificate.checkHost('localhost')).toBe('localhost');
    expect(certificate.subjectAltName).toBe('DNS:localhost');
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.checkIssued(certificate)).toBe(true);
    expect(certificate.keyUsage).toEqual(expect.arrayContaining(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']));
  });

  it('covers now (backdated 30 s) and crosses 2050 with a GeneralizedTime', () => {
    expect(new Date(certificate.validFrom).getTime()).toBe(now.getTime() - 30_000);
    expect(new Date(certificate.validTo).getUTCFullYear()).toBe(2056);
  });

  it('pairs the private key with the certificate and exposes the same DER bytes', () => {
    const publicFromPrivate = createPublicKey(createPrivateKey(created.privateKeyPem));
    expect(publicFromPrivate.export({ type: 'spki', format: 'der' })).toEqual(
      certificate.publicKey.export({ type: 'spki', format: 'der' })
    );
    expect(Buffer.compare(certificate.raw, created.certificateDer)).toBe(0);
  });

  it('gives every certificate its own serial number', () => {
    const other = new X509Certificate(createSelfSignedCertificate(now).certificatePem);
    expect(other.serialNumber).not.toBe(certificate.serialNumber);
  });
});
