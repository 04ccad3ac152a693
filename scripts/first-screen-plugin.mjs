/**
 * Vite plugin: the virtual module `virtual:microsim/first-screen`, what the first screen needs
 * from the engine, computed at build time so that the page draws before the engine chunk
 * (engine, models, zod) has arrived (src/app/firstScreen.ts gives it its types):
 * - BUILTIN_MENU: every built-in scenario's id and title, in menu order (the scenario picker);
 * - DEFAULT_BUILTIN: the default built-in scenario, validated with defaults applied (drawn first;
 *   the engine parses the file again when it arrives, so nothing trusts this copy);
 * - KIND_TRAITS: per kind, whether its card has an online switch and slow mode.
 * first-screen-data.ts computes them with the app's own parser and catalog, run through Vite's
 * module runner; the dev server reloads the module when one of the files it read changes.
 */
import { runnerImport } from 'vite';

const ID = 'virtual:microsim/first-screen';
const RESOLVED = '\0' + ID;

/** @returns {import('vite').Plugin} */
export function firstScreenPlugin() {
  return {
    name: 'microsim:first-screen',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const data = new URL('./first-screen-data.ts', import.meta.url).pathname;
      /** @type {{ module: typeof import('./first-screen-data'), dependencies: string[] }} */
      const { module, dependencies } = await runnerImport(data, { configFile: false, logLevel: 'warn' });
      for (const file of dependencies) this.addWatchFile(file);
      return module.firstScreenModule();
    },
  };
}
