import { describe, expect, it } from 'vitest';
import { BUILTIN_IDS, BUILTINS, builtin } from '.';

describe('built-in scenarios', () => {
  it('lists the ids in menu order without parsing, and parses one on demand, once', () => {
    expect(BUILTIN_IDS[0]).toBe('user-registered-queue');
    const mm1 = builtin('mm1');
    expect(mm1?.id).toBe('mm1');
    expect(builtin('mm1')).toBe(mm1);
    expect(builtin('no-such-scenario')).toBeUndefined();
  });

  it('gives the whole list, parsed, in the same order as the ids', () => {
    expect(BUILTINS.map((s) => s.id)).toEqual(BUILTIN_IDS);
    expect([...BUILTINS]).toHaveLength(BUILTIN_IDS.length);
    expect(BUILTINS.find((s) => s.id === 'mm1')).toBe(builtin('mm1'));
  });
});
