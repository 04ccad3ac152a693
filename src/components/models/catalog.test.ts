import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FIELD_NAMES } from '../../i18n/fieldNameTable';
import { BUILTINS } from '../../scenarios';
import type { Lang } from '../../sim/engine/errors';
import { CATALOG } from '../../sim/catalog';
import { ENGINE_TRACE_TYPES } from '../../sim/engine/trace';
import { Simulation } from '../../sim/engine/simulation';

const NODE_KINDS = CATALOG.kinds;
import type { TraceEvent } from '../../sim/engine/trace';
import { KIND_UIS, TRACE_UI, describeTrace, kindUi, narrator } from './catalog';

const LANGS: readonly Lang[] = ['en', 'es'];
const BASE = new Set(['id', 'kind', 'label', 'online', 'position']);

// zod v4 internals, as the settings form reads them.
type Def = { type: string; innerType?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType };
const defOf = (t: z.ZodType) => (t as unknown as { def: Def }).def;
function unwrap(t: z.ZodType): z.ZodType {
  for (;;) {
    const d = defOf(t);
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable') && d.innerType) t = d.innerType;
    else return t;
  }
}

/** Every field a kind's schema has, nested ones included (a retry policy's, a consumer group's). */
function fieldsOf(shape: Record<string, z.ZodType>, out = new Set<string>()): Set<string> {
  for (const [key, field] of Object.entries(shape)) {
    if (BASE.has(key)) continue;
    out.add(key);
    const t = unwrap(field);
    const d = defOf(t);
    for (const option of d.type === 'union' ? d.options! : d.type === 'record' ? [d.valueType!] : [t]) {
      const o = unwrap(option);
      if (defOf(o).type === 'object') fieldsOf((o as z.ZodObject).shape as Record<string, z.ZodType>, out);
    }
  }
  return out;
}

describe('the UI catalog', () => {
  it('describes every kind the engine has, and no other', () => {
    expect(KIND_UIS.map((k) => k.kind).sort()).toEqual(NODE_KINDS.map((k) => k.kind).sort());
  });

  for (const kind of NODE_KINDS) {
    describe(`kind ${kind.kind}`, () => {
      const ui = kindUi(kind.kind);

      it('has a card of its own or says it uses the generic one', () => {
        expect(ui.card === 'generic' || typeof ui.card === 'function' || typeof ui.card === 'object').toBe(true);
        expect(ui.icon).toBeTruthy();
      });

      it('is named in both languages', () => {
        for (const lang of LANGS) expect(ui.name[lang].trim()).not.toBe('');
      });

      it('describes, in both languages, every trace type it emits (and the engine\'s own)', () => {
        for (const type of [...kind.traceTypes, ...ENGINE_TRACE_TYPES]) expect(TRACE_UI[type], type).toBeDefined();
      });

      it('labels every scenario field in both languages', () => {
        const unnamed: string[] = [];
        for (const field of fieldsOf(kind.schema.shape as Record<string, z.ZodType>)) {
          for (const lang of LANGS) {
            const label = ui.fields[field]?.[lang] ?? FIELD_NAMES[field]?.[lang];
            if (!label?.trim()) unnamed.push(`${field} (${lang})`);
          }
        }
        expect(unnamed).toEqual([]);
      });
    });
  }
});

describe('trace descriptions', () => {
  // The first event of each type the built-in scenarios emit.
  const seen = new Map<string, TraceEvent>();
  for (const scenario of BUILTINS) {
    const sim = new Simulation(CATALOG, scenario, { seed: scenario.seed });
    sim.on((ev) => {
      if (!seen.has(ev.type)) seen.set(ev.type, ev);
    });
    sim.runUntil(scenario.durationMs ?? 60_000, 200_000);
  }

  it('the built-in scenarios exercise most trace types', () => {
    expect(seen.size).toBeGreaterThan(Object.keys(TRACE_UI).length * 0.6);
  });

  it('every event the built-ins emit reads as a sentence in both languages, with every placeholder filled', () => {
    const bad: string[] = [];
    for (const [type, ev] of seen) {
      const [en, es] = LANGS.map((lang) => describeTrace(ev, narrator(lang, (id) => `«${id}»`)));
      for (const text of [en!, es!]) {
        if (/\{\w+\}/.test(text) || text.includes(type) || text.length < 12) bad.push(`${type}: ${text}`);
      }
      if (en === es) bad.push(`${type}: the same in both languages: ${en}`);
    }
    expect(bad).toEqual([]);
  });
});
