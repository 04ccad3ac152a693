import { describe, expect, it } from 'vitest';
import { BUILTINS } from '../scenarios';
import { parseScenario, parseScenarioText } from './engine/scenario';

const valid = {
  id: 'demo',
  title: { en: 'Demo', es: 'Demo' },
  nodes: [
    { id: 'users', kind: 'producer', ratePerSec: 5 },
    { id: 'q', kind: 'queue' },
    { id: 'email', kind: 'service', serviceTime: { dist: 'constant', ms: 50 } },
  ],
  links: [
    { from: 'users', to: 'q' },
    { from: 'q', to: 'email' },
  ],
};

function issues(data: unknown, lang: 'en' | 'es' = 'en') {
  const r = parseScenario(data, lang);
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.issues;
}

describe('scenario files', () => {
  it('accepts a minimal scenario and fills in the documented defaults', () => {
    const r = parseScenario(valid);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.seed).toBe(1);
    expect(r.scenario.durationMs).toBe(60_000);
    const queue = r.scenario.nodes[1] as Record<string, unknown>;
    expect(queue.prefetch).toBe(1);
    expect(queue.ack).toBe('manual');
  });

  it('every built-in scenario is a valid file in the same format users write', () => {
    expect(BUILTINS.length).toBeGreaterThanOrEqual(3);
    for (const s of BUILTINS) expect(parseScenario(JSON.parse(JSON.stringify(s))).ok).toBe(true);
  });

  it('says which node has a bad field, by index and id', () => {
    const bad = structuredClone(valid);
    (bad.nodes[2] as Record<string, unknown>).serviceTime = { dist: 'exponential', meanMs: -3 };
    const [issue] = issues(bad);
    expect(issue!.path).toBe('nodes[2] ("email").serviceTime.meanMs');
    expect(issue!.message).toMatch(/>0|greater|positive/i);
  });

  it('names the known kinds when a node kind is misspelled', () => {
    const bad = structuredClone(valid);
    bad.nodes[1]!.kind = 'queu';
    const [issue] = issues(bad);
    expect(issue!.path).toBe('nodes[1] ("q").kind');
    expect(issue!.message).toContain('"queu"');
    expect(issue!.message).toContain('queue');
  });

  it('rejects an unknown field instead of ignoring a typo', () => {
    const bad = structuredClone(valid);
    (bad.nodes[1] as Record<string, unknown>).prefecth = 10;
    const [issue] = issues(bad);
    expect(issue!.path).toBe('nodes[1] ("q")');
    expect(issue!.message).toContain('prefecth');
  });

  it('rejects links to nodes that do not exist, duplicate ids and actions on unknown nodes', () => {
    const bad = structuredClone(valid) as typeof valid & { actions: unknown[] };
    bad.links.push({ from: 'q', to: 'sms' });
    bad.nodes.push({ id: 'email', kind: 'service', serviceTime: { dist: 'constant', ms: 1 } });
    bad.actions = [{ at: 10, do: 'offline', node: 'ghost' }];
    const found = issues(bad).map((i) => `${i.path}: ${i.message}`);
    expect(found).toContain('nodes[3] ("email").id: The id "email" is used by another node too');
    expect(found).toContain('links[2].to: There is no node with id "sms"');
    expect(found).toContain('actions[0].node: There is no node with id "ghost"');
  });

  it('a dead-letter exchange must exist and be linked from its queue', () => {
    const bad = structuredClone(valid);
    (bad.nodes[1] as Record<string, unknown>).deadLetterExchange = 'dlx';
    expect(issues(bad)[0]).toEqual({ path: 'nodes[1] ("q").deadLetterExchange', message: 'There is no node with id "dlx"' });
    bad.nodes.push({ id: 'dlx', kind: 'exchange' } as never);
    expect(issues(bad)[0]!.message).toContain('"dlx" must also be linked from "q"');
  });

  it('phrases errors in Spanish when asked', () => {
    const bad = structuredClone(valid);
    bad.links.push({ from: 'q', to: 'sms' });
    expect(issues(bad, 'es')).toContainEqual({ path: 'links[2].to', message: 'No hay ningún nodo con id "sms"' });
    const typed = structuredClone(valid);
    (typed as Record<string, unknown>).seed = 'cuarenta';
    expect(issues(typed, 'es')[0]!.message).toMatch(/número|Entrada inválida/i);
  });

  it('reports malformed JSON without throwing', () => {
    const r = parseScenarioText('{ "id": "x", ', 'en');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/^This is not valid JSON/);
  });
});
