import type { Scenario } from '../sim/engine/scenario';
import type { Localizable } from '../i18n/localize';
import type { TableEntry } from './dagreTable';
import * as generated from 'virtual:microsim/first-screen';

/**
 * What the first screen needs from the engine, computed at build time
 * (scripts/first-screen-plugin.mjs), so the page draws before the engine chunk arrives.
 */

/** Every built-in scenario's id and title, in menu order. */
export const BUILTIN_MENU = generated.BUILTIN_MENU as readonly { id: string; title: Localizable }[];

/** The built-in scenario shown when nothing else is asked for. */
export const DEFAULT_SCENARIO: string = BUILTIN_MENU[0]!.id;

/** The default scenario, validated at build time, without its tour (drawn while the engine loads). */
export const DEFAULT_BUILTIN = generated.DEFAULT_BUILTIN as Scenario;

const TRAITS = generated.KIND_TRAITS as Readonly<Record<string, { online: boolean; slow: boolean }>>;

/** Whether the UI offers an online/offline switch for `kind`. */
export function hasOnlineSwitch(kind: string): boolean {
  return TRAITS[kind]?.online ?? false;
}

/** Whether slow mode applies to `kind`. */
export function isSlowable(kind: string): boolean {
  return TRAITS[kind]?.slow ?? false;
}

/** The default scenario's layout without dagre, by graph (see dagreTable.ts). */
export const LAYOUT_TABLE = generated.LAYOUT_TABLE as Readonly<Record<string, TableEntry>>;
