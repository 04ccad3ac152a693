import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTINS } from '../../scenarios';
import { CATALOG } from '../../sim/catalog';
import { Simulation } from '../../sim/engine/simulation';
import { DELAY_HTTP, DELAY_NO_ROUTE, DELAY_OFFLINE } from '../../sim/models/delay/delay';
import { FAIL_REASON } from '../../sim/models/http/call';
import type { RemovalReason } from '../../sim/models/kafka/kafka-trace';
import { NO_SUBSCRIPTION } from '../../sim/models/pubsub/pubsub';
import { SUBSCRIBER_OFFLINE, SUBSCRIPTION_DELETED, SUPERSEDED } from '../../sim/models/pubsub/subscription-schema';
import type { DeathReason } from '../../sim/models/rabbitmq/dead-letter';
import { REASONS } from './reasonTable';
import { narrator } from './catalog';
import { knownReason, reasonText } from './reasons';

// Complete records: a reason added to these unions is a type error here until listed.
const DEATH: Record<DeathReason, true> = { rejected: true, expired: true, maxlen: true, delivery_limit: true };
const REMOVAL: Record<RemovalReason, true> = { 'session timeout': true, 'left the group': true, 'max.poll.interval.ms exceeded': true };
const CONSTANTS = [
  ...Object.values(FAIL_REASON), DELAY_OFFLINE, DELAY_NO_ROUTE, DELAY_HTTP, NO_SUBSCRIPTION,
  SUBSCRIBER_OFFLINE, SUBSCRIPTION_DELETED, SUPERSEDED, ...Object.keys(DEATH), ...Object.keys(REMOVAL),
];

/** A key with its placeholders blanked, as a source template reads once its `${…}` are blanked. */
const shape = (key: string) => key.replace(/\{\w+\}/g, '{}');

/** Every string literal of a line; a template literal's `${…}` become `{}`. */
function literals(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  const readQuoted = (q: string): string => {
    let s = '';
    for (i++; i < line.length && line[i] !== q; i++) s += line[i] === '\\' ? line[++i] : line[i];
    i++;
    return s;
  };
  const skipExpression = () => {
    let depth = 1;
    while (i < line.length && depth > 0) {
      const c = line[i]!;
      if (c === "'" || c === '"') readQuoted(c);
      else if (c === '`') readTemplate();
      else {
        if (c === '{') depth++;
        if (c === '}') depth--;
        i++;
      }
    }
  };
  const readTemplate = (): string => {
    let s = '';
    for (i++; i < line.length && line[i] !== '`'; ) {
      if (line[i] === '$' && line[i + 1] === '{') {
        i += 2;
        skipExpression();
        s += '{}';
      } else s += line[i++];
    }
    i++;
    return s;
  };
  while (i < line.length) {
    const c = line[i]!;
    if (c === "'") out.push(readQuoted(c));
    else if (c === '`') out.push(readTemplate());
    else if (c === '/' && line[i + 1] === '/') break;
    else i++;
  }
  return out;
}

/** Lines that hand a model's reason to the engine or to a trace event. */
const REASON_LINE = /\b(drop|requeue|deadLetter|suppress|lose|discard|retry|giveBack|close|fail|disable|startRebalance|remove|abortAll|requeueHeld)\(|\breason: |\b(why|reason) =|verdict === |^\s*: '/;
/** Literals on those lines that are not reasons: message states, outcomes, channels, verdicts, event types. */
const NOT_REASONS = new Set([
  '', 'dropped', 'done', 'dead', 'drop', 'transit', 'processing', 'buffered', 'failed', 'lost', 'dead-letter', 'request',
  'webhook', 'retry', 'heartbeat', 'consumer_timeout', 'restart', 'bad-signature', 'too-old', 'too-new', 'ok', 'malformed',
  'reject-publish-dlx', 'string', 'quorum', 'enabled', 'disabled', 'removed',
]);
const isTraceType = (s: string) => /^[a-z]+\.[a-z_]+$/.test(s);
/** Reasons composed in code from parts, and the keys that cover each form. */
const COMPOSED: Record<string, string[]> = {
  'rejected by {}: HTTP {}{}': ['rejected by {node}: HTTP {n}', 'rejected by {node}: HTTP {n} ({reason})'],
  'reset to {}': ['reset to earliest', 'reset to latest', 'reset to offset {n}', 'reset to time {n} ms'],
};
/** Where reasons are written: every model, and the engine's verbs (a lost hop, a consumer gone holding a message). */
const SIM = fileURLToPath(new URL('../../sim', import.meta.url));
const REASON_SOURCES = [...sourceFiles(join(SIM, 'models')), join(SIM, 'engine/simulation.ts'), join(SIM, 'engine/node.ts')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'testing' ? [] : sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

const SHAPES = new Set(Object.keys(REASONS).map(shape));

describe('the reason table', () => {
  it('has every reason written in the models\' source, in Spanish', () => {
    const missing: string[] = [];
    let found = 0;
    for (const file of REASON_SOURCES) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!REASON_LINE.test(line) || /^\s*(\*|\/\*|\/\/)/.test(line)) continue;
        for (const lit of literals(line)) {
          if (NOT_REASONS.has(lit) || isTraceType(lit)) continue;
          found++;
          const covered = COMPOSED[lit]?.every((k) => REASONS[k] !== undefined) ?? SHAPES.has(lit);
          if (!covered) missing.push(`${file.slice(file.indexOf('src/'))}: ${lit}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(found).toBeGreaterThan(80);
  });

  it('has every reason the models name as a constant or a type', () => {
    expect(CONSTANTS.filter((r) => knownReason(r, 'es') === undefined)).toEqual([]);
  });

  it('translates every reason the built-in scenarios emit, in Spanish, with no English left of the model\'s', () => {
    const seen = new Set<string>();
    for (const scenario of BUILTINS) {
      const sim = new Simulation(CATALOG, scenario, { seed: scenario.seed });
      sim.on((ev) => {
        if ('reason' in ev && typeof ev.reason === 'string') seen.add(ev.reason);
      });
      sim.runUntil(scenario.durationMs ?? 60_000, 200_000);
    }
    expect(seen.size).toBeGreaterThan(5);
    expect([...seen].filter((r) => knownReason(r, 'es') === undefined)).toEqual([]);
    expect([...seen].filter((r) => knownReason(r, 'es') === r && !/^HTTP \d+$/.test(r))).toEqual([]);
  }, 60_000); // runs every built-in to its end: about 3 s on a quiet machine, 15–20 s on a loaded one

  it('writes no key whose Spanish is left empty or loses a placeholder', () => {
    const bad = Object.entries(REASONS).filter(([en, es]) => {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();
      return es.trim() === '' || names(en) !== names(es);
    });
    expect(bad).toEqual([]);
  });
});

describe('a reason as the UI shows it', () => {
  const names: Record<string, string> = { 'billing-2': 'Facturación 2', 'catalog-a': 'Catálogo A', orders: 'Pedidos' };
  const name = (id: string) => names[id] ?? id;

  it('names the node by its label, in Spanish', () => {
    expect(reasonText('billing-2 went offline before processing it', 'es', name)).toBe('Facturación 2 se desconectó antes de procesarlo');
  });

  it('keeps the model\'s English in English, with labels for node ids', () => {
    expect(reasonText('billing-2 went offline before processing it', 'en', name)).toBe('Facturación 2 went offline before processing it');
    expect(reasonText('session timeout', 'en')).toBe('session timeout');
  });

  it('translates reasons inside reasons', () => {
    expect(reasonText('billing-2: session timeout', 'es', name)).toBe('Facturación 2: sesión caducada (session.timeout.ms)');
    expect(reasonText('timeout after 5000 ms: held for a retry', 'es')).toBe('tiempo de espera agotado tras 5000 ms: retenido para un reintento');
    expect(reasonText('processing failed 3 times: sent to orders', 'es', name)).toBe('el procesamiento falló 3 veces: enviado a Pedidos');
    expect(reasonText('failing: 4 consecutive failed attempts since t=1200 ms (last: HTTP 503)', 'es')).toBe(
      'fallando: 4 intentos fallidos seguidos desde t=1200 ms (último: HTTP 503)',
    );
  });

  it('keeps what the user wrote (a routing key, a URL) as written', () => {
    expect(reasonText('returned by catalog-a (basic.return, NO_ROUTE): no binding matches “order.eu.created”', 'es', name)).toBe(
      'devuelto por Catálogo A (basic.return, NO_ROUTE): ninguna clave de enlace coincide con “order.eu.created”',
    );
  });

  it('names a kind by its name in the reader\'s language, not by its id', () => {
    const say = (lang: 'en' | 'es') => narrator(lang, (id) => id).reason('pubsub-topic does not accept messages');
    expect(say('es')).toBe('un nodo de tipo tema pub/sub no acepta mensajes');
    expect(say('en')).toBe('pub/sub topic does not accept messages');
  });

  it('shows a reason the table lacks as the model wrote it', () => {
    expect(knownReason('a reason nobody wrote', 'es')).toBeUndefined();
    expect(reasonText('a reason nobody wrote', 'es')).toBe('a reason nobody wrote');
  });
});
