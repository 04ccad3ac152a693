import { describe, expect, it } from 'vitest';
import { figureRows } from './figureRows';

describe('live figures counted by reason', () => {
  const stats = { kind: 'queue', dropped: { 'queue offline': 2, 'consumer ship went offline': 1 }, parkedByReason: { expired: 3 }, backlog: { now: 4 } };
  const label = (id: string) => (id === 'ship' ? 'Envíos' : undefined);

  it('name each reason in Spanish, node ids as labels, and leave other nested figures to their field names', () => {
    const rows = figureRows(stats, 'es', ['sí', 'no'], label);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r.label]));
    expect(byKey['dropped.queue offline']).toBe('Cola desconectada');
    expect(byKey['dropped.consumer ship went offline']).toBe('El consumidor Envíos se desconectó');
    expect(byKey['parkedByReason.expired']).toBe('Caducado (TTL)');
    expect(byKey['backlog.now']).toBe('ahora');
  });

  it('keep the model\'s words in English', () => {
    const rows = figureRows(stats, 'en', ['yes', 'no'], label);
    expect(rows.find((r) => r.key === 'dropped.queue offline')?.label).toBe('Queue offline');
  });
});
