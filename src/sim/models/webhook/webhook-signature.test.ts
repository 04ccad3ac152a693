import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng';
import {
  base64Decode, base64Encode, hmacSha256, sign, signingKey, SIM_EPOCH_SEC, unixSeconds, verify, type SignatureScheme,
} from './webhook-signature';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

// The Standard Webhooks / Svix published example (docs.svix.com/receiving/verifying-payloads/how-manual).
const SVIX_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SVIX_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const SVIX_TS = 1614265330;
const SVIX_BODY = '{"test": 2432232314}';

/** What node's own crypto says the Svix header is: an implementation independent of noble. */
function svixByNode(secret: string, id: string, ts: number, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64')}`;
}

function stripeByNode(secret: string, ts: number, body: string): string {
  return `t=${ts},v1=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;
}

describe('HMAC-SHA256', () => {
  it('matches RFC 4231 test case 2 (key "Jefe")', () => {
    const mac = hmacSha256(new TextEncoder().encode('Jefe'), 'what do ya want for nothing?');
    expect(hex(mac)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('agrees with node:crypto on random keys and messages of many lengths, through the keyed state too', () => {
    const r = new Rng(4231);
    for (let n = 0; n < 200; n++) {
      const key = Uint8Array.from({ length: 1 + r.int(100) }, () => r.int(256));
      const msg = Array.from({ length: r.int(300) }, () => String.fromCharCode(32 + r.int(95))).join('') + (n % 7 === 0 ? 'ñ€' : '');
      const expected = createHmac('sha256', key).update(msg, 'utf8').digest('hex');
      expect(hex(hmacSha256(key, msg))).toBe(expected);
      const secret = `whsec_${Buffer.from(key).toString('base64')}`;
      expect(hex(signingKey('svix', secret).mac(msg))).toBe(expected);
    }
  });
});

describe('Stripe timestamps (issue #9, defect 10)', () => {
  it('a correctly signed request timestamped in the future passes: the SDK only bounds the age of old ones', () => {
    // stripe-python `_webhook.py` (DEFAULT_TOLERANCE = 300) raises only for `timestamp < now - tolerance`.
    const key = signingKey('stripe', 'whsec_test_secret');
    const body = '{"id":"evt_1","type":"payment_intent.succeeded"}';
    const now = 1_700_000_000;
    const check = (ts: number) => verify('stripe', key, '', ts, sign('stripe', key, '', ts, body), body, now, 300);
    expect(check(now + 3600)).toBe('ok');
    expect(check(now - 300)).toBe('ok');
    expect(check(now - 301)).toBe('too-old');
  });
});

describe('Svix signatures', () => {
  it("reproduce Svix's published example header", () => {
    const header = sign('svix', signingKey('svix', SVIX_SECRET), SVIX_ID, SVIX_TS, SVIX_BODY);
    expect(String(header)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    expect(String(header)).toBe(svixByNode(SVIX_SECRET, SVIX_ID, SVIX_TS, SVIX_BODY));
  });

  it('equal the header node:crypto computes for a simulated delivery', () => {
    const secret = `whsec_${Buffer.from('a shared secret of the shipping service').toString('base64')}`;
    const ts = unixSeconds(12_345);
    const body = '{"id":"evt_7","type":"order.paid","key":"order-42"}';
    const header = sign('svix', signingKey('svix', secret), 'msg_7', ts, body);
    expect(JSON.stringify({ sig: header })).toBe(JSON.stringify({ sig: svixByNode(secret, 'msg_7', ts, body) }));
  });

  it('are accepted by the receiver within ±5 minutes and rejected as stale or early outside', () => {
    const key = signingKey('svix', SVIX_SECRET);
    const header = svixByNode(SVIX_SECRET, SVIX_ID, SVIX_TS, SVIX_BODY);
    const check = (now: number) => verify('svix', key, SVIX_ID, SVIX_TS, header, SVIX_BODY, now, 300);
    expect(check(SVIX_TS)).toBe('ok');
    expect(check(SVIX_TS + 300)).toBe('ok');
    expect(check(SVIX_TS + 301)).toBe('too-old');
    expect(check(SVIX_TS - 300)).toBe('ok');
    expect(check(SVIX_TS - 301)).toBe('too-new');
  });

  it('fail with the wrong secret, a changed body or a changed id, and pass when any of several signatures matches', () => {
    const key = signingKey('svix', SVIX_SECRET);
    const good = svixByNode(SVIX_SECRET, SVIX_ID, SVIX_TS, SVIX_BODY);
    const other = svixByNode('whsec_c29tZW9uZSBlbHNl', SVIX_ID, SVIX_TS, SVIX_BODY);
    expect(verify('svix', key, SVIX_ID, SVIX_TS, other, SVIX_BODY, SVIX_TS, 300)).toBe('bad-signature');
    expect(verify('svix', key, SVIX_ID, SVIX_TS, good, '{"test": 2432232315}', SVIX_TS, 300)).toBe('bad-signature');
    expect(verify('svix', key, 'msg_other', SVIX_TS, good, SVIX_BODY, SVIX_TS, 300)).toBe('bad-signature');
    expect(verify('svix', key, SVIX_ID, SVIX_TS, `${other} ${good}`, SVIX_BODY, SVIX_TS, 300)).toBe('ok');
    expect(verify('svix', key, SVIX_ID, SVIX_TS, 'v2,abc', SVIX_BODY, SVIX_TS, 300)).toBe('malformed');
  });
});

describe('Stripe signatures', () => {
  it('equal the header node:crypto computes, and check the timestamp inside the header (300 s)', () => {
    const secret = 'whsec_stripe_test_secret';
    const ts = SIM_EPOCH_SEC + 60;
    const body = '{"id":"evt_1","type":"invoice.paid"}';
    const header = sign('stripe', signingKey('stripe', secret), 'ignored', ts, body);
    expect(String(header)).toBe(stripeByNode(secret, ts, body));
    const key = signingKey('stripe', secret);
    const external = stripeByNode(secret, ts, body);
    expect(verify('stripe', key, '', 0, external, body, ts + 300, 300)).toBe('ok');
    expect(verify('stripe', key, '', 0, external, body, ts + 301, 300)).toBe('too-old');
    expect(verify('stripe', key, '', 0, external, `${body} `, ts, 300)).toBe('bad-signature');
    expect(verify('stripe', key, '', 0, 'v1=abc', body, ts, 300)).toBe('malformed');
  });
});

describe('GitHub and Shopify', () => {
  it('GitHub: X-Hub-Signature-256 is "sha256=" and the hex HMAC of the body (the test vector in GitHub\'s docs)', () => {
    // docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries, "Testing the webhook payload validation".
    const key = signingKey('github', "It's a Secret to Everybody");
    const header = sign('github', key, 'ignored', 0, 'Hello, World!');
    expect(String(header)).toBe('sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17');
    expect(verify('github', key, '', 0, String(header), 'Hello, World!', 0, 300)).toBe('ok');
    expect(verify('github', key, '', 0, String(header), 'Hello, World?', 0, 300)).toBe('bad-signature');
    expect(verify('github', key, '', 0, '757107ea', 'Hello, World!', 0, 300)).toBe('malformed');
    // No timestamp is signed: a year later it still verifies.
    expect(verify('github', key, '', 0, String(header), 'Hello, World!', 365 * 86_400, 300)).toBe('ok');
  });

  it('Shopify: X-Shopify-Hmac-Sha256 is the base64 HMAC of the raw body, as node:crypto computes it', () => {
    const secret = 'shpss_0123456789abcdef';
    const body = '{"id":820982911946154508,"email":"jon@example.com"}';
    const expected = createHmac('sha256', secret).update(body, 'utf8').digest('base64');
    const key = signingKey('shopify', secret);
    expect(String(sign('shopify', key, 'ignored', 0, body))).toBe(expected);
    expect(verify('shopify', key, '', 0, expected, body, 0, 300)).toBe('ok');
    expect(verify('shopify', key, '', 0, expected, `${body} `, 0, 300)).toBe('bad-signature');
    expect(verify('shopify', key, '', 0, '', body, 0, 300)).toBe('malformed');
  });
});

describe('headers computed when read', () => {
  it('give every verdict a full recomputation gives, on 300 random requests', () => {
    const r = new Rng(99);
    const schemes: SignatureScheme[] = ['svix', 'stripe', 'github', 'shopify'];
    const secrets = ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'whsec_c29tZW9uZSBlbHNl', 'whsec_bm90LXRoZS1yZWFsLXNlY3JldA=='];
    let mismatchesSeen = 0;
    for (let n = 0; n < 300; n++) {
      const scheme = schemes[r.int(4)]!;
      const signer = signingKey(scheme, secrets[r.int(3)]!);
      const checker = signingKey(scheme, secrets[r.int(3)]!);
      const ts = SIM_EPOCH_SEC + r.int(1000);
      const body = `{"id":"evt_${r.int(50)}"}`;
      const header = sign(scheme, signer, `msg_${r.int(3)}`, ts, body);
      const id = r.next() < 0.8 ? header.id : `msg_${r.int(3)}`;
      const seenBody = r.next() < 0.8 ? body : `{"id":"evt_${r.int(50)}"}`;
      const now = ts + r.int(700) - 350;
      const lazy = verify(scheme, checker, id, ts, header, seenBody, now, 300);
      const full = verify(scheme, checker, id, ts, String(header), seenBody, now, 300);
      expect(lazy).toBe(full);
      if (full === 'bad-signature') mismatchesSeen++;
    }
    expect(mismatchesSeen).toBeGreaterThan(30);
  });

  it('cost no HMAC run for a request verified with the key that signed it', () => {
    const key = signingKey('svix', 'whsec_Y29zdC1mcmVlLXZlcmlmaWNhdGlvbg==');
    const before = key.computed;
    const header = sign('svix', key, 'msg_1', SIM_EPOCH_SEC, '{}');
    expect(verify('svix', key, 'msg_1', SIM_EPOCH_SEC, header, '{}', SIM_EPOCH_SEC, 300)).toBe('ok');
    expect(key.computed).toBe(before);
    void String(header);
    expect(key.computed).toBe(before + 1);
  });
});

describe('base64', () => {
  it('round-trips random bytes exactly as Buffer encodes them', () => {
    const r = new Rng(64);
    for (let n = 0; n < 100; n++) {
      const bytes = Uint8Array.from({ length: r.int(70) }, () => r.int(256));
      const b64 = Buffer.from(bytes).toString('base64');
      expect(base64Encode(bytes)).toBe(b64);
      expect(Array.from(base64Decode(b64))).toEqual(Array.from(bytes));
    }
  });
});

describe('the simulated clock', () => {
  it('starts every run at 2024-01-01T00:00:00Z, in whole seconds', () => {
    expect(new Date(unixSeconds(0) * 1000).toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(unixSeconds(1_999)).toBe(SIM_EPOCH_SEC + 1);
  });
});
