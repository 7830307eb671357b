// A throw-away self-signed certificate for 127.0.0.1, made with openssl at test time, so the
// SDK talks real HTTPS to the loopback fake (it refuses to send tokens over plain http).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  cert: string;
  key: string;
}

export function createTestCertificate(): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'appsvc-azure-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '1',
        '-subj', '/CN=127.0.0.1',
        '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-addext', 'basicConstraints=critical,CA:TRUE',
        '-keyout', join(dir, 'key.pem'),
        '-out', join(dir, 'cert.pem'),
      ],
      { stdio: 'pipe' }
    );
    return { cert: readFileSync(join(dir, 'cert.pem'), 'utf8'), key: readFileSync(join(dir, 'key.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
