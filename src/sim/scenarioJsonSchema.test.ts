import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { BUILTIN_FILES } from '../scenarios';
import { publishedBuiltins, scenarioJsonSchemaText } from './scenarioJsonSchema';

const committed = readFileSync(new URL('../../public/scenario.schema.json', import.meta.url), 'utf8');
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(committed));

describe('public/scenario.schema.json', () => {
  it('is up to date with the zod schemas (regenerate: npx tsx scripts/scenario-schema.ts)', () => {
    expect(committed).toBe(scenarioJsonSchemaText());
    // …and so are the copies of the built-ins the app serves for ?scenario=scenarios/<id>.json.
    for (const [name, text] of publishedBuiltins(BUILTIN_FILES)) {
      expect(readFileSync(new URL(`../../public/scenarios/${name}`, import.meta.url), 'utf8'), name).toBe(text);
    }
  });

  it.each(BUILTIN_FILES.map((f) => [(f as { id: string }).id, f] as const))('accepts the built-in %s, which points at it', (_, file) => {
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect((file as { $schema?: string }).$schema).toBe('../../public/scenario.schema.json');
  });

  const good = BUILTIN_FILES[0] as Record<string, unknown>;
  const nodes = good.nodes as Record<string, unknown>[];
  it.each([
    ['a misspelt top-level field', { ...good, sed: 3 }],
    ['no nodes', { ...good, nodes: [] }],
    ['an unknown node kind', { ...good, nodes: [{ ...nodes[0], kind: 'kafka' }] }],
    ['a misspelt node field', { ...good, nodes: [{ ...nodes[0], ratePerSecond: 3 }] }],
    ['a negative service time', { ...good, nodes: [...nodes.slice(0, 2), { ...nodes[2], serviceTime: { dist: 'constant', ms: -1 } }] }],
    ['an action that does not exist', { ...good, actions: [{ at: 5, do: 'explode', node: 'email' }] }],
    ['a tour step without text', { ...good, tour: { steps: [{ highlight: { nodes: ['email'] } }] } }],
    ['a tour pause of an unknown kind', { ...good, tour: { steps: [{ text: 'x', run: { until: 'sunset' } }] } }],
    ['an id with capitals', { ...good, id: 'User-Registered' }],
  ])('rejects %s', (_, file) => {
    expect(validate(file)).toBe(false);
  });
});
