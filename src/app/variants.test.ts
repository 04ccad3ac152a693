import { describe, expect, it } from 'vitest';
import { parseScenario } from '../sim/catalog';
import { builtin } from '../scenarios';
import { findConsumerGroups, findVariants } from './variants';

describe('variants of a scenario', () => {
  it('finds the cascade without and with protection, each with its own Catalog', () => {
    const v = findVariants(twoShops());
    expect(v.map((x) => x.nodes)).toEqual([
      ['storefront', 'orders', 'payments', 'catalog'],
      ['storefront-p', 'orders-p', 'payments-p', 'catalog-p'],
    ]);
  });

  it('finds none in a scenario that runs one system', () => {
    for (const id of ['rabbitmq-order-created', 'kafka-order-events', 'rest-order-chain', 'rest-cascade', 'mm1']) expect(findVariants(builtin(id)!)).toEqual([]);
  });

  it('boxes a Kafka consumer group with two members, not a group of one', () => {
    expect(findConsumerGroups(builtin('kafka-order-events')!)).toEqual([{ group: 'billing', nodes: ['billing-1', 'billing-2', 'billing-3', 'billing-4'] }]);
  });
});

/** Two copies of one shop fed by the same shoppers (how rest-cascade was drawn before it became one chain with a tour). */
function twoShops() {
  const shop = (p: string) => ({
    nodes: [
      { id: `storefront${p}`, kind: 'rest-client' },
      { id: `orders${p}`, kind: 'rest-service' },
      { id: `payments${p}`, kind: 'service' },
      { id: `catalog${p}`, kind: 'service' },
    ],
    links: [
      { from: 'shoppers', to: `storefront${p}` },
      { from: `storefront${p}`, to: `orders${p}` },
      { from: `storefront${p}`, to: `catalog${p}` },
      { from: `orders${p}`, to: `payments${p}` },
    ],
  });
  const [a, b] = [shop(''), shop('-p')];
  const r = parseScenario({
    id: 'two-shops', title: 'two shops', seed: 1,
    nodes: [{ id: 'shoppers', kind: 'producer' }, ...a.nodes, ...b.nodes],
    links: [...a.links, ...b.links],
  });
  if (!r.ok) throw new Error('fixture does not parse');
  return r.scenario;
}
