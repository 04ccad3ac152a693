/**
 * `npm run sim -- ...`: runs the prebuilt headless runner (.build/cli/sim.mjs, see
 * build-cli.mjs), rebuilding it first only when it is missing or a source file is newer.
 * The bundle itself is what runs, in this process: its entry code sees itself as the main
 * script (process.argv[1]) and reads the arguments and exit code exactly as under `node .build/cli/sim.mjs`.
 */
import { pathToFileURL } from 'node:url';
import { OUT_FILE, buildCli, isStale } from './build-cli.mjs';

if (isStale()) {
  console.error('(building the headless runner once: .build/cli/sim.mjs)');
  await buildCli();
}
process.argv[1] = OUT_FILE;
await import(pathToFileURL(OUT_FILE).href);
