// npm run build:backend — bundles src/backend/main.ts with esbuild and packages it as a Node
// single-executable application for linux/amd64 and linux/arm64:
// dist/datasource/gpx_appsvc_triage_linux_<arch>. Needs a linux/x64 build host: the x64
// runtime writes the SEA blobs. Lab recordings, if present, are copied beside them.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { ensureNodeRuntime, NODE_RUNTIME_VERSION, type TargetArch } from './build-backend-runtime';

const ROOT = resolve(__dirname, '..');
// Per build process, so two builds at once (a developer and a test run) never share files.
const WORK = join(ROOT, '.tmp', 'build-backend', String(process.pid));
const RUNTIME_CACHE = join(ROOT, '.tmp', 'node-runtimes');
const OUTPUT = join(ROOT, 'dist', 'datasource');
const RECORDINGS = join(ROOT, 'lab', 'recordings');
const EXECUTABLE_PREFIX = 'gpx_appsvc_triage_linux_';
// Node's documented fuse string for single-executable applications.
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const TARGETS: TargetArch[] = ['amd64', 'arm64'];

async function bundle(): Promise<string> {
  const outfile = join(WORK, 'main.cjs');
  await build({
    entryPoints: [join(ROOT, 'src', 'backend', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: `node${NODE_RUNTIME_VERSION.split('.')[0]}`,
    format: 'cjs', // a SEA main script is CommonJS
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}

/** The code cache is machine code for one CPU, so only the amd64 blob (made here) has one. */
function writeBlob(x64Node: string, mainScript: string, arch: TargetArch): string {
  const blob = join(WORK, `sea-${arch}.blob`);
  const config = join(WORK, `sea-${arch}.json`);
  writeFileSync(
    config,
    JSON.stringify({ main: mainScript, output: blob, disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: arch === 'amd64' })
  );
  execFileSync(x64Node, ['--experimental-sea-config', config], { stdio: ['ignore', 'ignore', 'inherit'] });
  return blob;
}

/**
 * The published Node binaries carry their full symbol table (~18 MB). llvm-strip (one tool
 * for both CPUs) drops it and keeps the dynamic symbols; without it the executables are
 * built unstripped and the build says so.
 */
function stripSymbols(binary: string): boolean {
  try {
    execFileSync('llvm-strip', [binary], { stdio: 'pipe' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return false;
    }
    throw new Error(`llvm-strip failed on ${binary}: ${(error as { stderr?: Buffer }).stderr?.toString() ?? String(error)}`);
  }
}

function packageExecutable(arch: TargetArch, blob: string): { path: string; stripped: boolean } {
  const target = join(OUTPUT, EXECUTABLE_PREFIX + arch);
  // Built under a temporary name and renamed into place: a half-injected binary is never visible.
  const building = join(WORK, EXECUTABLE_PREFIX + arch);
  copyFileSync(ensureNodeRuntime(arch, RUNTIME_CACHE), building);
  chmodSync(building, 0o755);
  const stripped = stripSymbols(building);
  // postject's ELF rewriter warns about unnamed .note sections of Node's binary; harmless,
  // so its output is shown only when it fails.
  const postject = require.resolve('postject/dist/cli.js');
  try {
    execFileSync(process.execPath, [postject, building, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE], { stdio: 'pipe' });
  } catch (error) {
    const output = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    const problems = output.split('\n').filter((line) => line && !line.includes("Can't find string offset"));
    throw new Error(`postject could not inject the blob into ${building}: ${problems.join(' / ') || String(error)}`);
  }
  renameSync(building, target);
  return { path: target, stripped };
}

async function main(): Promise<void> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`build:backend runs on linux/x64 (the x64 Node runtime writes the SEA blobs); this is ${process.platform}/${process.arch}`);
  }
  mkdirSync(WORK, { recursive: true });
  mkdirSync(OUTPUT, { recursive: true });
  const x64Node = ensureNodeRuntime('amd64', RUNTIME_CACHE);
  const mainScript = await bundle();
  console.log(`bundle ${mainScript}: ${(statSync(mainScript).size / 1024).toFixed(0)} KiB`);
  for (const arch of TARGETS) {
    const executable = packageExecutable(arch, writeBlob(x64Node, mainScript, arch));
    const note = executable.stripped ? 'symbols stripped' : 'unstripped: llvm-strip not found';
    console.log(`${executable.path}: ${(statSync(executable.path).size / 1024 / 1024).toFixed(1)} MiB (Node ${NODE_RUNTIME_VERSION}, ${note})`);
  }
  rmSync(WORK, { recursive: true, force: true });
  if (existsSync(RECORDINGS)) {
    rmSync(join(OUTPUT, 'recordings'), { recursive: true, force: true });
    cpSync(RECORDINGS, join(OUTPUT, 'recordings'), { recursive: true });
    console.log(`lab recordings copied to ${join(OUTPUT, 'recordings')}`);
  } else {
    console.log('no lab/recordings yet: the executables ship without recordings');
  }
}

main().catch((error: unknown) => {
  console.error(`build:backend failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
