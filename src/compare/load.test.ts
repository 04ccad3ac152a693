import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import orderCreated from '../scenarios/compare-order-created.json';
import { LIMITS } from '../sim/engine/limits';
import { MY_COMPARISON } from '../sim/testing/comparisons';
import { COMPARISON_FILES } from './builtins';
import { readComparisonText } from './load';

describe('reading a comparison file (the app’s Open file, paste, drop and ?compare=)', () => {
  it('a valid file becomes one checked scenario per pattern, with the file’s services in each', () => {
    const read = readComparisonText(JSON.stringify(MY_COMPARISON));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.entry.columns.map((c) => c.id)).toEqual(['queue', 'rest']);
    for (const c of read.entry.columns) expect(c.consumers).toEqual(['ledger', 'mailer']);
    expect(read.entry.comparison.id).toBe('mine');
  });

  it('a bad field is located at the field, in both languages', () => {
    const bad = JSON.stringify({ ...MY_COMPARISON, producer: { ...MY_COMPARISON.producer, ratePerSec: -1 } });
    const en = readComparisonText(bad, 'en');
    const es = readComparisonText(bad, 'es');
    expect(en.ok || es.ok).toBe(false);
    if (en.ok || es.ok) return;
    expect(en.issues[0]!.path).toBe('producer.ratePerSec');
    expect(es.issues[0]!.path).toBe('producer.ratePerSec');
    expect(en.issues[0]!.message).not.toBe(es.issues[0]!.message);
  });

  it('an outage of a node that is not a service, and an unknown pattern, are refused where they are', () => {
    const outage = readComparisonText(JSON.stringify({ ...MY_COMPARISON, outage: { node: 'nobody', fromMs: 1, toMs: 2 } }));
    expect(!outage.ok && outage.issues[0]!.path).toBe('outage.node');
    const pattern = readComparisonText(JSON.stringify({ ...MY_COMPARISON, patterns: ['queue', 'carrier-pigeon'] }));
    expect(!pattern.ok && pattern.issues[0]!.path).toBe('patterns[1]');
  });

  it('a variant whose patch the scenario schema refuses is located at the variant', () => {
    const file = {
      id: 'v', title: 'V', compare: 'variants', scenario: 'mm1',
      variants: [{ id: 'a', label: 'A', patch: {} }, { id: 'b', label: 'B', patch: { worker: { concurrency: 'lots' } } }],
    };
    const read = readComparisonText(JSON.stringify(file));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues[0]!.path).toMatch(/^variants\[1\] \("b"\)/);
  });

  it('bounds: not JSON, too large, too deep', () => {
    const notJson = readComparisonText('{"compare": "patterns",', 'es');
    expect(!notJson.ok && notJson.issues[0]!.message).toMatch(/^No es un JSON válido/);
    const large = readComparisonText(`{"compare":"patterns","x":"${' '.repeat(LIMITS.fileChars)}"}`);
    expect(!large.ok && large.issues[0]!.message).toContain(`more than ${LIMITS.fileChars} characters`);
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = { d: deep };
    const tooDeep = readComparisonText(JSON.stringify({ ...MY_COMPARISON, description: deep }));
    expect(!tooDeep.ok && tooDeep.issues[0]!.message).toContain(`more than ${LIMITS.depth} levels`);
  });

  it('the built-in comparison, read as a user’s file, gives the built-in’s columns', () => {
    const read = readComparisonText(JSON.stringify(orderCreated));
    expect(read.ok && read.entry.columns.map((c) => c.id)).toEqual(['queue', 'kafka', 'pubsub', 'webhook', 'rest']);
  });

  it('the comparisons the app serves (public/comparisons/, for ?compare=) are the built-ins, and open', () => {
    const dir = new URL('../../public/comparisons/', import.meta.url);
    const served = readdirSync(dir).sort();
    expect(served).toEqual(COMPARISON_FILES.map((f) => `${(f as { id: string }).id}.json`).sort());
    for (const file of COMPARISON_FILES) {
      const text = readFileSync(new URL(`${(file as { id: string }).id}.json`, dir), 'utf8');
      expect(JSON.parse(text), (file as { id: string }).id).toEqual(file);
      expect(readComparisonText(text).ok).toBe(true);
    }
  });
});
