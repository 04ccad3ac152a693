import { z } from 'zod';
import { builtin, BUILTIN_IDS } from '../scenarios';
import { phrase, type Lang, type ScenarioIssue } from '../sim/engine/errors';
import { actionSchema, type Scenario } from '../sim/engine/scenario';
import type { RecordedAction } from '../sim/engine/simulation';
import { loadLang, translate } from '../i18n/translate';
import { checkCommand, checkPatch } from '../sim/engine/actionCheck';
import { tooDeepAt } from '../sim/engine/bounds';
import { LIMITS } from '../sim/engine/limits';
import type { BaseNodeConfig } from '../sim/engine/node';
import type { DictKey } from '../i18n/en';
import type { Params } from '../i18n/translate';
import { parseScenario, CATALOG } from '../sim/catalog';

/** What a share link carries: the scenario (by built-in id, or whole), the seed, the recorded actions. */
export interface SharedRun {
  scenario: Scenario;
  builtinId?: string;
  seed?: number;
  recorded: RecordedAction[];
}

/** A decoded link, or its problems in both languages. */
export type DecodeResult = { ok: true; run: SharedRun } | { ok: false; issues: Record<Lang, ScenarioIssue[]> };

/** The hash (`#s=…&seed=…&a=…`) that reopens `run`; a custom scenario travels whole, compressed. */
export async function encodeShareHash(run: SharedRun): Promise<string> {
  const params = new URLSearchParams();
  if (run.builtinId) params.set('s', run.builtinId);
  else params.set('z', await pack(JSON.stringify(run.scenario)));
  if (run.seed !== undefined && run.seed !== run.scenario.seed) params.set('seed', String(run.seed));
  if (run.recorded.length > 0) params.set('a', await pack(JSON.stringify(run.recorded)));
  return `#${params.toString()}`;
}

/** The hash that names a built-in scenario and nothing else. */
export function builtinHash(id: string): string {
  return `#s=${encodeURIComponent(id)}`;
}

/** Decodes a share hash. Never throws: a damaged link gives located problems instead. */
export async function decodeShareHash(hash: string): Promise<DecodeResult> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('s');
  const packed = params.get('z');
  let scenario: Scenario;
  let builtinId: string | undefined;
  if (id !== null) {
    const found = builtin(id);
    if (!found) {
      const ids = BUILTIN_IDS.join(', ');
      return refuseLink((lang) => [{ path: 's', message: phrase(lang, 'unknownBuiltin', { id, ids }) }]);
    }
    scenario = found;
    builtinId = id;
  } else if (packed !== null) {
    let data: unknown;
    try {
      data = JSON.parse(await unpack(packed));
    } catch (e) {
      if (e instanceof TooLarge) return refuseTooLarge('z');
      return refuseDamaged('z', 'linkBadData', { detail: (e as Error).message });
    }
    const en = parseScenario(data, 'en');
    if (!en.ok) {
      const es = parseScenario(data, 'es');
      return { ok: false, issues: { en: en.issues, es: es.ok ? [] : es.issues } };
    }
    scenario = en.scenario;
  } else {
    return refuseDamaged('', 'linkNoScenario');
  }

  const seedText = params.get('seed');
  let seed: number | undefined;
  if (seedText !== null) {
    seed = Number(seedText);
    if (!Number.isSafeInteger(seed)) return refuseDamaged('seed', 'linkBadSeed', { seed: seedText });
  }

  let recorded: RecordedAction[] = [];
  const actions = params.get('a');
  if (actions !== null) {
    try {
      const raw: unknown = JSON.parse(await unpack(actions));
      const deep = tooDeepAt(raw, LIMITS.depth);
      if (deep !== undefined) return refuseLink((lang) => [{ path: `a${deep}`, message: phrase(lang, 'tooDeep', { max: LIMITS.depth }) }]);
      recorded = z.array(recordedSchema).max(LIMITS.actions).parse(raw) as RecordedAction[];
    } catch (e) {
      if (e instanceof TooLarge) return refuseTooLarge('a');
      const detail = e instanceof z.ZodError ? e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (e as Error).message;
      return refuseDamaged('a', 'linkBadActions', { detail });
    }
    const ids = new Set(scenario.nodes.map((n) => n.id));
    for (const a of recorded) {
      for (const ref of ['node', 'from', 'to'] as const) {
        const v = (a as Record<string, unknown>)[ref];
        if (typeof v === 'string' && !ids.has(v)) return refuseDamaged('a', 'linkActionNode', { id: v });
      }
    }
    const en = recordedIssues(scenario, recorded, 'en');
    if (en.length > 0) return { ok: false, issues: { en, es: recordedIssues(scenario, recorded, 'es') } };
  }
  return { ok: true, run: { scenario, builtinId, seed, recorded } };
}

// A recorded action is a scenario action plus the event count it is pinned to.
const recordedSchema = z
  .looseObject({ step: z.number().int().nonnegative() })
  .transform((value, ctx) => {
    const { step, ...rest } = value;
    const parsed = actionSchema.safeParse(rest);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return { ...parsed.data, step };
  });

/**
 * What the engine would refuse in recorded actions, located as `a[i]`: a settings patch the
 * node's schema refuses (applied in order, as the run would), an unknown command, a cut of a
 * link that does not exist.
 */
function recordedIssues(scenario: Scenario, recorded: readonly RecordedAction[], lang: Lang): ScenarioIssue[] {
  const configs = new Map(scenario.nodes.map((n) => [n.id, n as BaseNodeConfig]));
  const linked = new Set(scenario.links.map((l) => `${l.from}\u0000${l.to}`));
  const issues: ScenarioIssue[] = [];
  recorded.forEach((a, i) => {
    if (a.do === 'configure') {
      const checked = checkPatch(CATALOG, configs.get(a.node)!, a.patch, lang);
      if (checked.ok) configs.set(a.node, checked.config);
      else issues.push({ path: `a[${i}].patch`, message: checked.message });
    } else if (a.do === 'command') {
      const problem = checkCommand(CATALOG, configs.get(a.node)!, a.command, a.args, lang);
      if (problem) issues.push({ path: `a[${i}].command`, message: problem });
    } else if ((a.do === 'partition' || a.do === 'heal') && !linked.has(`${a.from}\u0000${a.to}`)) {
      issues.push({ path: `a[${i}]`, message: phrase(lang, 'notLinked', { from: a.from, to: a.to }) });
    }
  });
  return issues;
}

/** A link's refusal, in both languages. */
export type LinkRefusal = { ok: false; issues: Record<Lang, ScenarioIssue[]> };

/**
 * A refusal in both languages. The interface's strings load one language at a time (the other
 * when the browser is idle, translate.ts), so both are loaded first: a reader who switches
 * language while the message shows reads it in theirs, and a refusal built outside the app (the
 * fuzzer, the CLI) is bilingual too.
 */
export async function refuseLink(issues: (lang: Lang) => ScenarioIssue[]): Promise<LinkRefusal> {
  await Promise.all([loadLang('en'), loadLang('es')]);
  return { ok: false, issues: { en: issues('en'), es: issues('es') } };
}

/** A link that inflates past LIMITS.linkChars, refused at `path`. */
export function refuseTooLarge(path: string): Promise<LinkRefusal> {
  return refuseLink((lang) => [{ path, message: phrase(lang, 'tooLarge', { max: LIMITS.linkChars }) }]);
}

/** A damaged link, refused at `path` with the interface's phrase `key`. */
export function refuseDamaged(path: string, key: DictKey, params: Params = {}): Promise<LinkRefusal> {
  return refuseLink((lang) => [{ path, message: phrase(lang, 'badShareLink', { detail: translate(lang, key, params) }) }]);
}

/** Thrown by `unpack` when a link inflates past LIMITS.linkChars: it stops there, it does not inflate the rest. */
export class TooLarge extends Error {}

/** UTF-8 text → deflate-raw → base64url. */
export async function pack(text: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The inverse of `pack`; throws on anything damaged. Inflates as a stream and stops as soon as
 * the text passes LIMITS.linkChars bytes (TooLarge): a 400 KB link that inflates to 300 MB
 * costs at most the cap, never the whole bomb.
 */
export async function unpack(packed: string): Promise<string> {
  if (packed.length > LIMITS.linkChars) throw new TooLarge();
  const binary = atob(packed.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > LIMITS.linkChars) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(all);
}
