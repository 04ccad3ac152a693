import { describe, expect, it } from 'vitest';
import { BUILTINS } from '../scenarios';
import { CATALOG, hasOnlineSwitch, isSlowable, KINDS, roleOf } from './catalog';
import { Simulation } from './engine/simulation';
import { reportsBacklog } from './engine/kind';
import { ENGINE_TRACE_TYPES } from './engine/trace';

const engineTypes = new Set<string>(ENGINE_TRACE_TYPES);

describe('catalog', () => {
  it('every trace event of every built-in scenario is the engine’s or declared in its node’s traceTypes', () => {
    const undeclared = new Set<string>();
    for (const scenario of BUILTINS) {
      const sim = new Simulation(CATALOG, scenario);
      const kindOf = new Map(scenario.nodes.map((n) => [n.id, CATALOG.kind(n.kind)!]));
      sim.on((ev) => {
        if (engineTypes.has(ev.type)) return;
        const kind = kindOf.get((ev as { node: string }).node);
        if (!kind?.traceTypes.includes(ev.type)) undeclared.add(`${kind?.kind}: ${ev.type}`);
      });
      sim.runUntil(scenario.durationMs);
    }
    expect([...undeclared]).toEqual([]);
  }, 120_000);

  it('each kind names only fields of its own schema as node references', () => {
    for (const k of KINDS) {
      for (const ref of ('nodeRefs' in k ? k.nodeRefs : undefined) ?? []) {
        // `field`, or `list[].field`: a field of each item of a list (a saga's steps).
        const [list, field] = ref.split('[].') as [string, string | undefined];
        expect(Object.keys(k.schema.shape)).toContain(list);
        if (field !== undefined) expect(Object.keys((k.schema.shape[list] as unknown as { element: { shape: object } }).element.shape)).toContain(field);
      }
    }
  });

  it('a broker kind declares whether it holds messages (its backlog trait), and its nodes report an empty backlog as declared', () => {
    const seen = new Set<string>();
    const wrong: string[] = [];
    for (const scenario of BUILTINS) {
      const sim = new Simulation(CATALOG, scenario);
      for (const node of sim.nodes.values()) {
        const kind = CATALOG.kind(node.kind)!;
        if (kind.role !== 'broker') continue; // others report a backlog of their own once they use one
        seen.add(node.kind);
        const declared = reportsBacklog(kind);
        if (('backlog' in node.stats()) !== declared) wrong.push(`${node.kind} (${node.id})`);
      }
    }
    expect(wrong).toEqual([]);
    // Every broker kind is checked above: each appears in a built-in scenario.
    expect(KINDS.filter((k) => k.role === 'broker' && !seen.has(k.kind)).map((k) => k.kind)).toEqual([]);
    expect(KINDS.filter((k) => reportsBacklog(k)).map((k) => k.kind).sort()).toEqual(['queue', 'subscription', 'topic']);
  });

  it('answers the questions the UI asks about a kind', () => {
    expect(KINDS.map((k) => k.kind)).toContain('delay');
    expect(roleOf('queue')).toBe('broker');
    expect(hasOnlineSwitch('queue')).toBe(false);
    expect(hasOnlineSwitch('producer')).toBe(true);
    expect(hasOnlineSwitch('webhook-attacker')).toBe(false);
    expect(isSlowable('service')).toBe(true);
    expect(isSlowable('rest-client')).toBe(false);
    expect(roleOf('no-such-kind')).toBeUndefined();
  });
});
