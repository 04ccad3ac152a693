import { describe, expect, it } from 'vitest';
import { layoutTable } from '../../scripts/first-screen-layout';
import { builtin } from '../scenarios';

describe('the build-time layout table', () => {
  it('records every graph layout.ts gives dagre for a chain: both densities', () => {
    const table = layoutTable(builtin('user-registered-queue')!);
    expect(Object.keys(table)).toHaveLength(2);
    for (const entry of Object.values(table)) expect(Object.keys(entry).sort()).toEqual(['email', 'signups', 'users']);
  });

  it('stops the build for a graph whose layout its rule does not fit (a branching one), naming it', () => {
    expect(() => layoutTable(builtin('rabbitmq-order-created')!)).toThrow(/does not fit dagre for rabbitmq-order-created/);
  });
});
