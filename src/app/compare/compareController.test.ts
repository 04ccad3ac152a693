import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { CompareController } from './compareController';
import { compareStore, type CompareState } from './compareStore';

function controller() {
  const store = createStore<CompareState>()(() => ({ ...compareStore.getState() }));
  return { c: new CompareController(() => 0, store), store };
}

describe('CompareController', () => {
  it('takes the shared consumer offline in every column at once, and back', () => {
    const { c, store } = controller();
    expect(c.open('compare-order-created')).toBe(true);
    c.seek(3000);
    c.setOnline('billing', false);
    const figures = store.getState().figures;
    for (const col of c.columns) expect(figures[col.id]!.billing!.online, col.id).toBe(false);
    expect(store.getState().offline.billing).toBe(true);
    c.setOnline('billing', true);
    for (const col of c.columns) expect(store.getState().figures[col.id]!.billing!.online, col.id).toBe(true);
  });

  it('replays the user’s actions at their instants when seeking, so a seek lands on the same figures', () => {
    const { c, store } = controller();
    c.open('compare-order-created');
    c.seek(4000);
    c.setOnline('notifications', false);
    c.seek(9000);
    c.setOnline('notifications', true);
    c.seek(18_000);
    const straight = JSON.stringify(store.getState().report);
    c.seek(12_000);
    c.seek(18_000);
    expect(JSON.stringify(store.getState().report)).toBe(straight);
    // The outage shows: notifications fell behind in the queue column while it was down.
    const queue = store.getState().report!.columns.find((col) => col.id === 'queue')!;
    expect(queue.figures.backlogMax).toBeGreaterThan(30);
  }, 30_000);

  it('steps every column to the next event of any of them', () => {
    const { c, store } = controller();
    c.open('compare-order-created');
    const events = () => store.getState().report!.columns.reduce((n, col) => n + col.events, 0);
    let last = events();
    let now = 0;
    for (let i = 0; i < 20; i++) {
      c.step();
      const e = events();
      expect(e).toBeGreaterThan(last); // every step runs something, somewhere
      expect(store.getState().now).toBeGreaterThanOrEqual(now);
      last = e;
      now = store.getState().now;
    }
    expect(now).toBeGreaterThan(0);
  });

  it('exports the scoreboard as CSV, a row per figure and a column per pattern', () => {
    const { c } = controller();
    c.open('compare-order-created');
    c.seek(5000);
    const rows = [{ name: { en: 'Published', es: 'Publicados' }, format: (f: { published: number }) => String(f.published) }];
    const csv = c.csv('es', rows as never).trim().split('\n');
    expect(csv[0]).toBe(',Colas de trabajo (RabbitMQ),Topic de Kafka,Pub/sub,Webhooks,Llamadas REST');
    expect(csv[1]).toMatch(/^Publicados(,\d+){5}$/);
    const counts = new Set(csv[1]!.split(',').slice(1));
    expect(counts.size).toBe(1); // the same publications everywhere
  });
});
