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
 * And `virtual:microsim/default-tour`, the default's tour parsed at build time, kept out of the
 * first load: the engine chunk adds it to DEFAULT_BUILTIN (src/app/defaultScenario.ts).
 */
import { runnerImport } from 'vite';

/**
 * Each virtual module's id and the first-screen-data.ts function that writes its source.
 * @type {Record<string, 'firstScreenModule' | 'defaultTourModule'>}
 */
const MODULES = { 'virtual:microsim/first-screen': 'firstScreenModule', 'virtual:microsim/default-tour': 'defaultTourModule' };

/** @returns {import('vite').Plugin} */
export function firstScreenPlugin() {
  return {
    name: 'microsim:first-screen',
    resolveId: (id) => (id in MODULES ? '\0' + id : undefined),
    async load(id) {
      const make = id.startsWith('\0') ? MODULES[id.slice(1)] : undefined;
      if (!make) return undefined;
      const data = new URL('./first-screen-data.ts', import.meta.url).pathname;
      /** @type {{ module: typeof import('./first-screen-data'), dependencies: string[] }} */
      const { module, dependencies } = await runnerImport(data, { configFile: false, logLevel: 'warn' });
      for (const file of dependencies) this.addWatchFile(file);
      return module[make]();
    },
  };
}
