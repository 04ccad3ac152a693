import type { Lang, ScenarioIssue } from '../sim/engine/errors';
import { parseScenario } from '../sim/catalog';
import type { Scenario } from '../sim/engine/scenario';
import type { Comparison, Pattern, PatternComparison, VariantComparison } from './comparison';

/** Text in both languages. */
export interface Text {
  en: string;
  es: string;
}

/** One column of a comparison: an ordinary scenario and what the scoreboard needs to read it. */
export interface Column {
  /** The column's id: the pattern, or the variant's id. */
  id: string;
  label: Text;
  /** A short name for narrow places (the scoreboard's header). */
  short: Text;
  /** Set for a pattern comparison. */
  pattern?: Pattern;
  scenario: Scenario;
  /** The node whose publications are the workload. */
  producer: string;
  /** The consumers the scoreboard counts deliveries at. */
  consumers: readonly string[];
  /**
   * True when every publication is meant for every consumer (a fan-out: the patterns); false
   * when one delivery at any consumer serves it (a chain of calls routed one way or another).
   */
  everyConsumer: boolean;
}

export type ColumnsResult = { ok: true; columns: Column[] } | { ok: false; issues: ScenarioIssue[] };

/** Each pattern's short name, for the scoreboard's header. */
export const PATTERN_SHORT: Readonly<Record<Pattern, Text>> = {
  queue: { en: 'Queues', es: 'Colas' },
  kafka: { en: 'Kafka', es: 'Kafka' },
  pubsub: { en: 'Pub/sub', es: 'Pub/sub' },
  webhook: { en: 'Webhooks', es: 'Webhooks' },
  rest: { en: 'REST', es: 'REST' },
};

/** Each pattern's name, as the column header says it. */
export const PATTERN_LABEL: Readonly<Record<Pattern, Text>> = {
  queue: { en: 'Work queues (RabbitMQ)', es: 'Colas de trabajo (RabbitMQ)' },
  kafka: { en: 'Kafka topic', es: 'Topic de Kafka' },
  pubsub: { en: 'Pub/sub', es: 'Pub/sub' },
  webhook: { en: 'Webhooks', es: 'Webhooks' },
  rest: { en: 'REST calls', es: 'Llamadas REST' },
};

/** Unacked deliveries each work queue lets its consumer hold (RabbitMQ's basic.qos prefetch count). */
export const QUEUE_PREFETCH = 10;

type Doc = Record<string, unknown>;
type NodeDoc = Doc & { id: string; kind: string };
type LinkDoc = Doc & { from: string; to: string };

/**
 * The comparison as ordinary scenarios, one per column, each validated by the same schema as
 * any scenario file (so nothing reaches the engine unchecked). `builtin` finds the scenario a
 * variant comparison changes. Pure: the same comparison gives the same columns.
 */
export function comparisonColumns(c: Comparison, builtin: (id: string) => Scenario | undefined, lang: Lang = 'en'): ColumnsResult {
  return c.compare === 'patterns' ? patternColumns(c, lang) : variantColumns(c, builtin, lang);
}

function patternColumns(c: PatternComparison, lang: Lang): ColumnsResult {
  const columns: Column[] = [];
  for (const [i, pattern] of c.patterns.entries()) {
    const doc = patternScenario(c, pattern);
    const parsed = parseScenario(doc, lang);
    if (!parsed.ok) return { ok: false, issues: parsed.issues.map((x) => ({ ...x, path: `patterns[${i}] (${pattern}) → ${x.path}` })) };
    columns.push({
      id: pattern, label: PATTERN_LABEL[pattern], short: PATTERN_SHORT[pattern], pattern, scenario: parsed.scenario,
      producer: c.producer.id, consumers: c.services.map((s) => s.id), everyConsumer: true,
    });
  }
  return { ok: true, columns };
}

/**
 * One pattern's scenario. The producer and the consumers are the same nodes, with the same
 * ids, in every pattern, so their random streams (seeded per node id) give identical arrivals
 * and service times everywhere; only what stands between them differs.
 */
export function patternScenario(c: PatternComparison, pattern: Pattern): Doc {
  const { producer, services, latency } = c;
  const nodes: NodeDoc[] = [{ ...producer, kind: 'producer' }];
  const links: LinkDoc[] = [];
  const hop = (from: string, to: string, extra: Doc = {}) => links.push({ from, to, latency, ...extra });
  const internal = (from: string, to: string, extra: Doc = {}) => links.push({ from, to, ...extra });
  const consumers = services.map((s) => ({ id: s.id, label: s.label, concurrency: s.concurrency, serviceTime: s.serviceTime }));
  switch (pattern) {
    case 'queue':
      // A fanout exchange copies each event into one queue per service: every service gets every event.
      nodes.push({ id: 'exchange', kind: 'exchange', type: 'fanout', label: { en: 'fanout exchange', es: 'exchange fanout' } });
      hop(producer.id, 'exchange');
      for (const s of consumers) {
        const queue = `${s.id}-queue`;
        nodes.push({ id: queue, kind: 'queue', prefetch: QUEUE_PREFETCH, label: { en: `${s.label.en} queue`, es: `cola de ${s.label.es}` } });
        nodes.push({ ...s, kind: 'service' });
        internal('exchange', queue);
        hop(queue, s.id);
      }
      break;
    case 'kafka':
      // One topic; each service is its own consumer group, so each reads every record.
      nodes.push({ id: 'topic', kind: 'topic', partitions: 3, label: { en: 'topic', es: 'topic' } });
      hop(producer.id, 'topic');
      for (const s of consumers) {
        nodes.push({ ...s, kind: 'service' });
        hop('topic', s.id, { group: s.id });
      }
      break;
    case 'pubsub':
      // One topic, a durable subscription per service.
      nodes.push({ id: 'topic', kind: 'pubsub-topic', label: { en: 'topic', es: 'topic' } });
      hop(producer.id, 'topic');
      for (const s of consumers) {
        const sub = `${s.id}-sub`;
        nodes.push({ id: sub, kind: 'subscription', mode: 'durable', label: { en: `${s.label.en} subscription`, es: `suscripción de ${s.label.es}` } });
        nodes.push({ ...s, kind: 'service' });
        internal('topic', sub);
        hop(sub, s.id);
      }
      break;
    case 'webhook':
      // The producer's own webhook sender POSTs each event to every registered URL, retrying
      // on Svix's schedule (immediately, 5 s, 5 min, 30 min, ...).
      nodes.push({ id: 'sender', kind: 'webhook-sender', retry: 'svix', label: { en: 'webhook sender', es: 'emisor de webhooks' } });
      internal(producer.id, 'sender');
      for (const s of consumers) {
        nodes.push({ ...s, kind: 'webhook-receiver', url: `https://${s.id}.internal/webhooks`, registerAtMs: 0 });
        hop('sender', s.id);
      }
      break;
    case 'rest':
      // The producer calls every service itself, synchronously, and waits for each answer.
      nodes.push({ id: 'caller', kind: 'rest-client', route: 'all', maxConcurrent: 50, label: { en: 'REST client', es: 'cliente REST' } });
      internal(producer.id, 'caller');
      for (const s of consumers) {
        nodes.push({ ...s, kind: 'service' });
        hop('caller', s.id);
      }
      break;
  }
  const actions = c.outage
    ? [
        { at: c.outage.fromMs, do: 'offline', node: c.outage.node },
        { at: c.outage.toMs, do: 'online', node: c.outage.node },
      ]
    : [];
  return {
    id: `${c.id}-${pattern}`,
    title: { en: `${c.title.en} — ${PATTERN_LABEL[pattern].en}`, es: `${c.title.es} — ${PATTERN_LABEL[pattern].es}` },
    pattern: pattern === 'queue' ? 'rabbitmq' : pattern,
    seed: c.seed,
    durationMs: c.durationMs,
    nodes,
    links,
    actions,
  };
}

function variantColumns(c: VariantComparison, builtin: (id: string) => Scenario | undefined, lang: Lang): ColumnsResult {
  let base: Scenario;
  if (typeof c.scenario === 'string') {
    const found = builtin(c.scenario);
    if (!found) return { ok: false, issues: [{ path: 'scenario', message: NO_SCENARIO[lang](c.scenario) }] };
    base = found;
  } else {
    const parsed = parseScenario(c.scenario, lang);
    if (!parsed.ok) return { ok: false, issues: parsed.issues.map((x) => ({ ...x, path: `scenario.${x.path}` })) };
    base = parsed.scenario;
  }
  const producer = base.nodes.find((n) => n.kind === 'producer')?.id ?? base.nodes[0]!.id;
  // Deliveries count where the work ends: at the services nothing is called from.
  const callers = new Set(base.links.map((l) => l.from));
  const consumers = base.nodes.filter((n) => n.id !== producer && !callers.has(n.id)).map((n) => n.id);
  const columns: Column[] = [];
  for (const [i, v] of c.variants.entries()) {
    const nodes = base.nodes.map((n) => ({ ...n }) as NodeDoc);
    for (const [nodeId, patch] of Object.entries(v.patch)) {
      const node = nodes.find((n) => n.id === nodeId);
      if (!node) return { ok: false, issues: [{ path: `variants[${i}].patch.${nodeId}`, message: NO_NODE[lang](nodeId) }] };
      for (const [field, value] of Object.entries(patch)) {
        if (field === 'id' || field === 'kind') return { ok: false, issues: [{ path: `variants[${i}].patch.${nodeId}.${field}`, message: FIXED[lang](field) }] };
        if (value === null) delete node[field];
        else node[field] = value;
      }
    }
    const doc = { ...base, id: `${c.id}-${v.id}`, nodes };
    const parsed = parseScenario(doc, lang);
    if (!parsed.ok) return { ok: false, issues: parsed.issues.map((x) => ({ ...x, path: `variants[${i}] ("${v.id}") → ${x.path}` })) };
    columns.push({ id: v.id, label: v.label, short: v.label, scenario: parsed.scenario, producer, consumers, everyConsumer: false });
  }
  return { ok: true, columns };
}

const NO_SCENARIO: Record<Lang, (id: string) => string> = {
  en: (id) => `No built-in scenario is called "${id}"`,
  es: (id) => `No hay ningún escenario incorporado llamado "${id}"`,
};
const NO_NODE: Record<Lang, (id: string) => string> = {
  en: (id) => `The scenario has no node "${id}"`,
  es: (id) => `El escenario no tiene ningún nodo "${id}"`,
};
const FIXED: Record<Lang, (field: string) => string> = {
  en: (field) => `A variant cannot change a node's ${field}`,
  es: (field) => `Una variante no puede cambiar el ${field} de un nodo`,
};
