import { describe, expect, it } from 'vitest';
import { builtin } from '../scenarios';
import { columnCount, deadLetterNodes, layoutDetailed, layoutScenario, stack } from './layout';
import { bendPoints, crossings, polylinesCross } from './layoutWrap';

const layout = (id: string) => {
  const s = builtin(id)!;
  return { s, at: layoutScenario(s) };
};

describe('layoutScenario', () => {
  it('puts the dead-letter exchange and queue on a lane below the whole main flow', () => {
    const { s, at } = layout('rabbitmq-order-created');
    expect([...deadLetterNodes(s)].sort()).toEqual(['orders-dlq', 'orders-dlx']);
    const mainBottom = Math.max(...s.nodes.filter((n) => !n.id.startsWith('orders-dl')).map((n) => at.get(n.id)!.y + 180));
    expect(at.get('orders-dlx')!.y).toBeGreaterThan(mainBottom);
    expect(at.get('orders-dlq')!.y).toBeGreaterThan(mainBottom);
    // The queue sits right of the exchange that feeds it.
    expect(at.get('orders-dlq')!.x).toBeGreaterThan(at.get('orders-dlx')!.x);
  });

  it('follows a pub/sub dead-letter topic downstream: its subscription and reader join the lane', () => {
    const { s } = layout('pubsub-ack-deadline');
    expect([...deadLetterNodes(s)].sort()).toEqual(['dlq-sub', 'ops', 'user-events-dlt']);
  });

  it('keeps siblings in the scenario order, and children in their parents’ order', () => {
    const { at } = layout('mmc');
    expect(at.get('worker-1')!.y).toBeLessThan(at.get('worker-2')!.y);
    const r = layout('rabbitmq-order-created').at;
    const ys = (ids: string[]) => ids.map((id) => r.get(id)!.y);
    const queues = ys(['billing', 'shipping', 'notifications']);
    expect(queues).toEqual([...queues].sort((a, b) => a - b));
    const services = ys(['billing-svc', 'shipping-svc', 'notify-svc']);
    expect(services).toEqual([...services].sort((a, b) => a - b));
  });

  it('follows the flow: every link goes left to right, or straight down into the dead-letter lane', () => {
    for (const id of ['rabbitmq-order-created', 'rest-cascade', 'pubsub-ack-deadline', 'kafka-order-events']) {
      const { s, at } = layout(id);
      const dead = deadLetterNodes(s);
      for (const l of s.links) {
        const into = dead.has(l.to) && !dead.has(l.from);
        if (into) expect(at.get(l.to)!.x, `${id}: ${l.from} → ${l.to}`).toBeGreaterThanOrEqual(at.get(l.from)!.x);
        else expect(at.get(l.to)!.x, `${id}: ${l.from} → ${l.to}`).toBeGreaterThan(at.get(l.from)!.x);
      }
    }
  });

  it('starts the dead-letter lane under the column that feeds it, so it adds no column on the right', () => {
    const { s, at } = layout('rabbitmq-order-created');
    const right = (ids: string[]) => Math.max(...ids.map((id) => at.get(id)!.x));
    const main = s.nodes.map((n) => n.id).filter((id) => !deadLetterNodes(s).has(id));
    expect(at.get('orders-dlx')!.x).toBe(at.get('billing')!.x);
    expect(right(['orders-dlq'])).toBeLessThanOrEqual(right(main));
  });

  // Routed under the main flow: the links down into the dead-letter lane, and those running back
  // against the flow (in a choreography, each service publishes to the bus it consumes from).
  const ROUTED: [string, string[]][] = [
    ['rabbitmq-order-created', ['billing->orders-dlx', 'notifications->orders-dlx', 'shipping->orders-dlx']],
    ['saga-choreography', ['customers->bus', 'status->bus', 'stock->bus']],
  ];
  it.each(ROUTED)('%s: routes the links into the dead-letter lane or back against the flow under it, across no card, never crossing each other', (id, routed) => {
    for (const density of ['full', 'compact'] as const) {
      const s = builtin(id)!;
      const card = density === 'full' ? { width: 180, height: 84 } : { width: 164, height: 60 };
      const l = layoutDetailed(s, new Map(s.nodes.map((n) => [n.id, card])), density);
      expect([...l.bends.keys()].sort()).toEqual(routed);
      const p = (id: string) => l.positions.get(id)!;
      for (const link of s.links) {
        const b = l.bends.get(`${link.from}->${link.to}`);
        if (!b) continue;
        const pts = bendPoints(p(link.from).x + card.width, p(link.from).y + card.height / 2, b, p(link.to).x, p(link.to).y + card.height / 2);
        // Every corner-to-corner segment, against every card that is neither end (1 px in from its border).
        for (const n of s.nodes) {
          if (n.id === link.from || n.id === link.to) continue;
          const r = { l: p(n.id).x + 1, t: p(n.id).y + 1, r: p(n.id).x + card.width - 1, b: p(n.id).y + card.height - 1 };
          for (let i = 1; i < pts.length; i++) {
            const [[x1, y1], [x2, y2]] = [pts[i - 1]!, pts[i]!];
            const across = Math.max(x1, x2) > r.l && Math.min(x1, x2) < r.r && Math.max(y1, y2) > r.t && Math.min(y1, y2) < r.b;
            expect(across, `${density}: ${link.from} → ${link.to} across ${n.id}`).toBe(false);
          }
        }
      }
      // Among themselves the three routes cross nothing, up to where they join to enter the exchange.
      const routes = [...l.bends.entries()].map(([id, b]) => {
        const [from, to] = id.split('->') as [string, string];
        return bendPoints(p(from).x + card.width, p(from).y + card.height / 2, b, p(to).x, p(to).y + card.height / 2).slice(0, -1);
      });
      for (let i = 0; i < routes.length; i++) for (let j = i + 1; j < routes.length; j++) expect(polylinesCross(routes[i]!, routes[j]!)).toBe(false);
    }
  });

  it('lays compact cards out automatically even when the scenario places its nodes (positions are for full cards)', () => {
    const s = builtin('user-registered-fanout')!;
    const own = layoutScenario(s, undefined, 'full');
    const compact = layoutScenario(s, undefined, 'compact');
    expect(s.nodes.every((n) => own.get(n.id)!.x === n.position!.x)).toBe(true);
    expect(s.nodes.some((n) => compact.get(n.id)!.x !== n.position!.x)).toBe(true);
  });

  it('stacks a column near where each card wants to be, never overlapping, in the given order', () => {
    // Apart: each card exactly where it wants.
    expect(stack([{ height: 40, want: 20 }, { height: 40, want: 200 }], 10)).toEqual([0, 180]);
    // Two cards wanting the same centre share it: one above, one below, 10 px apart.
    expect(stack([{ height: 40, want: 100 }, { height: 40, want: 100 }], 10)).toEqual([55, 105]);
    // A third pushes the block it joins, which stays centred on the mean of the wishes.
    const tops = stack([{ height: 40, want: 0 }, { height: 40, want: 0 }, { height: 40, want: 300 }], 10);
    expect(tops).toEqual([-45, 5, 280]);
  });

  it('keeps cards of different boxes (variants, consumer groups) further apart, room for the box and its title', () => {
    // Same wishes as above, but the second card starts a new box: 10 + 44 apart.
    expect(stack([{ height: 40, want: 100 }, { height: 40, want: 100, gap: 54 }], 10)).toEqual([33, 127]);
    // The two checkouts are variants in the same column (guessed 180 px tall, 30 px apart within a box).
    const { at } = layout('rest-idempotency');
    expect(at.get('checkout-keys')!.x).toBe(at.get('checkout-plain')!.x);
    expect(Math.abs(at.get('checkout-keys')!.y - at.get('checkout-plain')!.y)).toBe(180 + 30 + 44);
  });

  it('wraps a long flow onto a second row under the first, the links turning back routed so they cross nothing', () => {
    const s = builtin('pubsub-order-created')!;
    const card = { width: 164, height: 80 };
    const sizes = new Map(s.nodes.map((n) => [n.id, card]));
    expect(columnCount(s)).toBe(7);
    const one = layoutDetailed(s, sizes, 'compact');
    const two = layoutDetailed(s, sizes, 'compact', 4);
    const width = (l: typeof one) => Math.max(...[...l.positions.values()].map((p) => p.x + card.width)) - Math.min(...[...l.positions.values()].map((p) => p.x));
    expect(one.bends.size).toBe(0);
    expect(width(two)).toBeLessThan(width(one) * 0.6);
    // Shipping's chain (shipments → shipment notices → Notifications) starts the second row, below every card of the first.
    const firstBottom = Math.max(...['orders-service', 'orders', 'billing-sub', 'shipping-sub', 'billing', 'shipping'].map((id) => two.positions.get(id)!.y + card.height));
    for (const id of ['shipments', 'shipment-sub', 'notifications', 'notify-sub']) expect(two.positions.get(id)!.y).toBeGreaterThan(firstBottom);
    // The two links turning back (Shipping → shipments, orders → its notification subscription) run between the rows.
    expect([...two.bends.keys()].sort()).toEqual(['orders->notify-sub', 'shipping->shipments']);
    for (const b of two.bends.values()) expect(b.y).toBeGreaterThan(firstBottom);
    const size = () => card;
    expect(crossings(s.links, two.positions, size, two.bends)).toBe(0);
    // Drawn as straight lines instead, the turning links would cross: the routes are what keeps it at 0.
    expect(crossings(s.links, two.positions, size)).toBeGreaterThan(0);
  });
});

