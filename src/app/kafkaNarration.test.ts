import { describe, expect, it } from 'vitest';
import { describeTrace, narrator } from '../components/models/catalog';
import { builtin } from '../scenarios';
import { CATALOG, type TraceEvent } from '../sim/catalog';
import { Simulation } from '../sim/engine/simulation';
import { kafkaSentence } from './kafkaNarration';

/** Every event of the two Kafka built-ins that happens at, or to, a Kafka topic, with its sentence in both languages. */
function topicEvents() {
  const out: { ev: TraceEvent; en: string; es: string; kafka: boolean }[] = [];
  for (const id of ['kafka-order-events', 'kafka-poison-record']) {
    const s = builtin(id)!;
    const topic = new Set(s.nodes.filter((n) => n.kind === 'topic').map((n) => n.id));
    const isTopic = (x: string) => topic.has(x);
    const name = (x: string) => x;
    const sim = new Simulation(CATALOG, s);
    const seen = new Set<string>();
    sim.on((ev) => {
      const e = ev as { node?: string; from?: string; to?: string; signal?: string; channel?: string };
      if (![e.node, e.from, e.to].some((x) => x !== undefined && isTopic(x))) return;
      // One of each sort: type, which ends are topics, the channel or signal.
      const key = [ev.type, ...[e.node, e.from, e.to].map((x) => (x === undefined ? '-' : isTopic(x))), e.signal ?? e.channel ?? ''].join(' ');
      if (seen.has(key)) return;
      seen.add(key);
      const say = (lang: 'en' | 'es') => {
        const n = narrator(lang, name);
        return kafkaSentence(ev, n, isTopic) ?? describeTrace(ev, n);
      };
      out.push({ ev, en: say('en'), es: say('es'), kafka: kafkaSentence(ev, narrator('en', name), isTopic) !== undefined });
    });
    sim.runUntil(s.durationMs ?? 60_000);
  }
  return out;
}

describe('Kafka narration speaks Kafka', () => {
  const events = topicEvents();

  it('covers every sort of event a topic sees in the built-ins: produce, append, fetch, position, commit, rebalance, re-read, dead letter', () => {
    const types = new Set(events.map((e) => e.ev.type));
    for (const t of ['message.sent', 'message.enqueued', 'message.copied', 'message.received', 'signal.sent', 'signal.arrived', 'message.requeued', 'message.dead_lettered', 'kafka.offsets_committed', 'kafka.rebalance_started', 'kafka.poll_failed']) {
      expect(types, t).toContain(t);
    }
  });

  it('says records, offsets, fetches and commits, never ack, copied or backlog, in English', () => {
    for (const e of events) {
      expect(e.en, e.ev.type).not.toMatch(/\back\b|\bcop(y|ied)\b|\bbacklog\b|\bput .* back in line\b/i);
    }
    const all = events.map((e) => e.en).join('\n');
    for (const word of ['record', 'offset', 'fetch', 'commit', 'partition']) expect(all).toContain(word);
    // Every engine message event at a topic has its Kafka sentence.
    for (const e of events.filter((x) => x.ev.type.startsWith('message.'))) expect(e.kafka, `${e.ev.type}: ${e.en}`).toBe(true);
  });

  it('and in Spanish: registros, offsets, fetch y commit, nunca «copió», «pendientes» ni «ack»', () => {
    for (const e of events) {
      expect(e.es, e.ev.type).not.toMatch(/\back\b|copió|pendientes|confirmación|devolvió .* a la fila/i);
    }
    const all = events.map((e) => e.es).join('\n');
    for (const word of ['registro', 'offset', 'fetch', 'commit', 'partición']) expect(all).toContain(word);
  });

  it('names where the record sits: its partition and offset when appended and fetched', () => {
    const appended = events.find((e) => e.ev.type === 'message.enqueued')!;
    expect(appended.en).toMatch(/appended record \S+ #\d+ to partition \d+ at offset \d+/);
    expect(appended.es).toMatch(/añadió el registro \S+ #\d+ a la partición \d+ en el offset \d+/);
    const fetched = events.find((e) => e.ev.type === 'message.sent' && e.en.includes('fetch'))!;
    expect(fetched.en).toMatch(/got record \S+ #\d+ \(partition \d+, offset \d+\) from \S+ in a fetch/);
  });
});
