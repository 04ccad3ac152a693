import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng';
import { numberOf } from './recent-ids';
import { deliveryNumber, EventBody } from './webhook-delivery';

describe("a delivery id's number, written out", () => {
  it('is msg_ then String(n) at every boundary of its three-digit pieces and on random numbers', () => {
    const edges = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 1010, 1100, 9999, 10_000, 99_999, 100_000, 999_999, 1_000_000, 1_000_001,
      1_001_000, 10_000_000, 123_456_789, 999_999_999, 1e9, 1e9 + 1, 2 ** 31, 2 ** 53 - 1];
    const svixId = (n: number) => new EventBody(n, 'order.paid', undefined).deliveryId;
    for (const n of edges) {
      expect(svixId(n)).toBe(`msg_${n}`);
    }
    const r = new Rng(13);
    for (let i = 0; i < 10_000; i++) {
      const n = r.int(10 ** (1 + r.int(10)));
      expect(svixId(n)).toBe(`msg_${n}`);
    }
  });

  it('gives each event the svix-id msg_<root>', () => {
    expect(new EventBody(1_000_050, 'order.paid', undefined).deliveryId).toBe('msg_1000050');
  });

  it("is the number a receiver's memory would parse out of the id, when the body is the sender's own", () => {
    const r = new Rng(15);
    for (let i = 0; i < 2000; i++) {
      const body = new EventBody(i < 20 ? i : r.int(10 ** (1 + r.int(16))), 'order.paid', undefined);
      expect(deliveryNumber(body.deliveryId, body)).toBe(numberOf(body.deliveryId) < 0 ? undefined : numberOf(body.deliveryId));
    }
    const body = new EventBody(42, 'order.paid', undefined);
    expect(deliveryNumber('msg_43', body)).toBeUndefined();
    expect(deliveryNumber('msg_42', '{"id":"evt_42"}')).toBeUndefined();
  });
});
