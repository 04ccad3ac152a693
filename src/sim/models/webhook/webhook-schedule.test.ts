import { describe, expect, it } from 'vitest';
import { attemptOffsets, resolvePolicy } from './webhook-schedule';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

describe('retry presets', () => {
  it('Svix tries 8 times: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after each failure (≈27.6 h)', () => {
    const svix = resolvePolicy('svix', 1);
    expect(svix.delays).toEqual([5 * S, 5 * MIN, 30 * MIN, 2 * H, 5 * H, 10 * H, 10 * H]);
    const offsets = attemptOffsets(svix);
    expect(offsets).toHaveLength(8);
    expect(offsets[7]! / H).toBeCloseTo(27.6, 1);
    expect(svix.timeoutMs).toBe(15 * S);
  });

  it("Svix's own example: three failures then a success arrive 35 min 5 s after the first attempt", () => {
    expect(attemptOffsets(resolvePolicy('svix', 1))[3]).toBe(35 * MIN + 5 * S);
  });

  it('Stripe backs off exponentially and gives up within 3 days', () => {
    const stripe = resolvePolicy('stripe', 1);
    const offsets = attemptOffsets(stripe);
    expect(offsets[offsets.length - 1]).toBeLessThanOrEqual(72 * H);
    expect(offsets[offsets.length - 1]).toBeGreaterThan(48 * H);
    for (let i = 1; i < stripe.delays.length; i++) expect(stripe.delays[i]).toBeGreaterThanOrEqual(stripe.delays[i - 1]!);
    expect(stripe.delays[1]! / stripe.delays[0]!).toBeGreaterThan(1);
  });

  it('Shopify tries 8 times over about 4 hours, with a 5 s timeout, and drops the endpoint after 8 failures', () => {
    const shopify = resolvePolicy('shopify', 1);
    const offsets = attemptOffsets(shopify);
    expect(offsets).toHaveLength(8);
    expect(offsets[7]! / H).toBeGreaterThan(3.5);
    expect(offsets[7]! / H).toBeLessThan(4.5);
    expect(shopify.timeoutMs).toBe(5 * S);
    expect(shopify.disable.failedAttempts).toBe(8);
  });

  it('GitHub does not retry and waits 10 s', () => {
    const github = resolvePolicy('github', 1);
    expect(attemptOffsets(github)).toEqual([0]);
    expect(github.timeoutMs).toBe(10 * S);
  });

  it('a custom schedule waits initial·factorⁿ, capped, for the number of attempts asked', () => {
    const custom = resolvePolicy({ initialMs: 100, factor: 3, maxAttempts: 6, maxMs: 2000 }, 1);
    expect(custom.delays).toEqual([100, 300, 900, 2000, 2000]);
    expect(resolvePolicy({ initialMs: 100, factor: 2, maxAttempts: 1 }, 1).delays).toEqual([]);
  });
});

describe('time scale', () => {
  it('at 1/1000, Svix waits 5 min as 300 ms and disables after 5 days as 432 s, but keeps its 15 s timeout', () => {
    const fast = resolvePolicy('svix', 0.001);
    expect(fast.delays[1]).toBeCloseTo(300, 9);
    expect(fast.disable.failingForMs).toBeCloseTo(432_000, 6);
    expect(fast.timeoutMs).toBe(15 * S);
  });

  it('an explicit timeout and disabling rule replace the preset’s', () => {
    const p = resolvePolicy('svix', 0.5, 2 * S, { failedAttempts: 3 });
    expect(p.timeoutMs).toBe(2 * S);
    expect(p.disable).toEqual({ failedAttempts: 3, failingForMs: undefined });
    expect(resolvePolicy('svix', 1, undefined, {}).disable).toEqual({ failedAttempts: undefined, failingForMs: undefined });
  });
});
