import { describe, expect, it } from 'vitest';
import { grouped, main, parseDuration, type Io } from './sim';

function run(args: string[], files: Record<string, string> = {}, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    env,
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    readFile: (p) => {
      if (p in files) return files[p]!;
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' });
    },
  };
  const code = main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('headless runner', () => {
  it('runs a built-in scenario and prints one JSON document with the documented shape', () => {
    const r = run(['mm1', '--until', '60s', '--seed', '42', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ scenario: 'mm1', seed: 42, simulatedMs: 60_000 });
    expect(doc.events).toBeGreaterThan(0);
    for (const key of ['published', 'delivered', 'processed', 'inTransit', 'buffered', 'deadLettered', 'dropped', 'duplicates']) {
      expect(typeof doc.totals[key]).toBe('number');
    }
    const q = doc.nodes.queue;
    expect(q.kind).toBe('queue');
    expect(Object.keys(q.backlog).sort()).toEqual(['max', 'now', 'timeAvg']);
    expect(q.processed).toBe(doc.totals.processed);
    expect(q.latencyMs.p50).toBeLessThanOrEqual(q.latencyMs.p95);
    expect(q.latencyMs.p95).toBeLessThanOrEqual(q.latencyMs.p99);
    expect(q.latencyMs.p99).toBeLessThanOrEqual(q.latencyMs.max);
  });

  it('the seed changes the run and the same seed repeats it', () => {
    const a = JSON.parse(run(['mm1', '--until', '20s', '--seed', '1', '--json']).out);
    const b = JSON.parse(run(['mm1', '--until', '20s', '--seed', '1', '--json']).out);
    const c = JSON.parse(run(['mm1', '--until', '20s', '--seed', '2', '--json']).out);
    expect(a).toEqual(b);
    expect(c.totals).not.toEqual(a.totals);
  });

  it('prints a readable summary by default', () => {
    const r = run(['mmc', '--until', '10s']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('mmc  seed 42  10 s simulated');
    expect(r.out).toMatch(/queue \(queue\) {2}· {2}backlog now \d+/);
  });

  it('writes counts and seconds as toLocaleString(\'en\') does, without loading ICU', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 1_234_567, 3600.5, 1.0005, 0.25, 987_654.321, 12.3456, -4321]) {
      expect(grouped(n)).toBe(n.toLocaleString('en'));
    }
  });

  it('runs a scenario file', () => {
    const file = JSON.stringify({
      id: 'tiny', title: 'Tiny',
      nodes: [{ id: 'p', kind: 'producer', ratePerSec: 10, arrivals: 'constant' }, { id: 'q', kind: 'queue' }, { id: 's', kind: 'service', serviceTime: { dist: 'constant', ms: 10 } }],
      links: [{ from: 'p', to: 'q' }, { from: 'q', to: 's' }],
    });
    const doc = JSON.parse(run(['tiny.json', '--until', '1s', '--json'], { 'tiny.json': file }).out);
    // 10/s evenly spaced: publications at 100, 200, ..., 1000 ms.
    expect(doc.totals.published).toBe(10);
  });

  it('rejects a bad file, argument or id with a clear message and exit code 2', () => {
    const bad = run(['bad.json'], { 'bad.json': '{"id":"x","title":"t","nodes":[{"id":"a","kind":"servce"}]}' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('nodes[0] ("a").kind: Unknown node kind "servce"');
    expect(run(['nope']).err).toContain('No built-in scenario is called "nope"');
    expect(run(['missing.json']).code).toBe(2);
    expect(run(['mm1', '--until', 'soon']).err).toContain('--until: "soon" is not a duration');
    expect(run(['mm1', '--seed', 'x']).code).toBe(2);
    expect(run(['mm1', '--bogus']).code).toBe(2);
    expect(run([]).code).toBe(2);
  });

  it('speaks Spanish with --lang es: refusals, limits and its own argument errors, in the texts the app uses', () => {
    const bad = run(['bad.json', '--lang', 'es'], { 'bad.json': '{"id":"x","title":"t","nodes":[{"id":"a","kind":"servce"}]}' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('bad.json no es un escenario válido:');
    expect(bad.err).toContain('nodes[0] ("a").kind: Tipo de nodo desconocido "servce"');
    expect(bad.err).toMatch(/^uso: npm run sim/m);
    expect(run(['nope', '--lang=es']).err).toContain('No hay ningún escenario incorporado llamado "nope"');
    const limit = run(['mm1', '--max-events', '10', '--lang', 'es']);
    expect(limit.code).toBe(2);
    expect(limit.err).toMatch(/^Detenido tras 10 eventos \(--max-events\) en t = [\d.]+ ms\.$/);
    expect(run(['mm1', '--seed', 'x', '--lang', 'es']).err).toContain('--seed: "x" no es un número entero');
    expect(run(['mm1', '--until', 'pronto', '--lang', 'es']).err).toContain('--until: "pronto" no es una duración');
    expect(run(['mm1', '--bogus', '--lang', 'es']).err).toContain('opción desconocida --bogus');
    expect(run(['--lang', 'es']).err).toContain('no se ha indicado ningún escenario');
    const cmp = run(['c.json', '--lang', 'es'], { 'c.json': '{"compare":"nada"}' });
    expect(cmp.code).toBe(2);
    expect(cmp.err).toContain('c.json no es una comparación válida:');
  });

  it('takes the language from the locale when there is no --lang (LC_ALL, then LC_MESSAGES, then LANG)', () => {
    const nope = (env: Record<string, string>, args: string[] = []) => run(['nope', ...args], {}, env).err;
    expect(nope({ LANG: 'es_ES.UTF-8' })).toContain('No hay ningún escenario incorporado');
    expect(nope({ LC_MESSAGES: 'es_MX' })).toContain('No hay ningún escenario incorporado');
    expect(nope({ LC_ALL: 'C.UTF-8', LANG: 'es_ES.UTF-8' })).toContain('No built-in scenario is called');
    expect(nope({ LANG: 'et_EE.UTF-8' })).toContain('No built-in scenario is called');
    expect(nope({})).toContain('No built-in scenario is called');
    expect(nope({ LANG: 'es_ES.UTF-8' }, ['--lang', 'en'])).toContain('No built-in scenario is called');
    const fr = run(['mm1', '--lang', 'fr']);
    expect(fr.code).toBe(2);
    expect(fr.err).toContain('--lang: "fr" is not a language microsim speaks (en, es)');
  });

  it('reads durations with units', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('42')).toBe(42);
  });
});
