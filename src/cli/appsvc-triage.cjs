#!/usr/bin/env node
// Launcher for `npx appsvc-triage`: registers tsx so the TypeScript CLI runs from a clean clone, no build step.
require('tsx/cjs');
const { runCli } = require('./main.ts');

runCli(
  process.argv.slice(2),
  (text) => process.stdout.write(text),
  (text) => process.stderr.write(text)
).then((code) => {
  process.exitCode = code;
});
