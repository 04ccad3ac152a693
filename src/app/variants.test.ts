import { describe, expect, it } from 'vitest';
import { builtin } from '../scenarios';
import { findConsumerGroups, findVariants } from './variants';

describe('variants of a scenario', () => {
  it('finds the cascade without and with protection, each with its own Catalog', () => {
    const v = findVariants(builtin('rest-cascade')!);
    expect(v.map((x) => x.nodes)).toEqual([
      ['storefront', 'orders', 'payments', 'catalog'],
      ['storefront-p', 'orders-p', 'payments-p', 'catalog-p'],
    ]);
  });

  it('finds none in a scenario that runs one system', () => {
    for (const id of ['rabbitmq-order-created', 'kafka-order-events', 'rest-order-chain', 'mm1']) expect(findVariants(builtin(id)!)).toEqual([]);
  });

  it('boxes a Kafka consumer group with two members, not a group of one', () => {
    expect(findConsumerGroups(builtin('kafka-order-events')!)).toEqual([{ group: 'billing', nodes: ['billing-1', 'billing-2'] }]);
  });
});
