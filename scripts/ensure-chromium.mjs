#!/usr/bin/env node
// Makes sure a system Chromium exists for Playwright; installs it with apt when
// running as root, otherwise says exactly what to run. Exit 0 prints the path.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_CANDIDATES, findChromium, isRoot } from './chromium.mjs';

/**
 * Runs a command with inherited stdio; exits the script if it fails.
 * @param {string} cmd
 * @param {string[]} args
 */
function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) {
    console.error(`ensure-chromium: \`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

if (process.env.CHROMIUM_PATH && !existsSync(process.env.CHROMIUM_PATH)) {
  console.warn(`ensure-chromium: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist; trying the usual paths`);
}

let found = findChromium();
if (!found) {
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('ensure-chromium: no Chromium found; installing it with apt-get');
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
    found = findChromium();
  }
}

if (!found) {
  console.error(
    [
      `ensure-chromium: no Chromium at ${CHROMIUM_CANDIDATES.join(', ')}.`,
      'Playwright cannot download its own browser here; install the system one:',
      '  sudo apt-get update && sudo apt-get install chromium',
      'or point CHROMIUM_PATH at an existing Chromium/Chrome binary:',
      '  CHROMIUM_PATH=/path/to/chromium npm run test:e2e',
    ].join('\n'),
  );
  process.exit(1);
}

console.log(`ensure-chromium: using ${found}`);
