import { HmacSha256 } from './sha256';

/**
 * Webhook signatures, as the providers compute and check them: real HMAC-SHA256 over the
 * exact bytes they sign. Pure functions of their arguments, no clock: the caller passes the
 * current time. Two header formats:
 * - Svix: `svix-signature: v1,<base64 HMAC-SHA256(base64decode(whsec_…), "<id>.<ts>.<body>")>`,
 *   space-separated when there are several; `svix-timestamp` in unix seconds; ±5 min tolerance
 *   (svix library `WEBHOOK_TOLERANCE_IN_SECONDS = 5*60`; docs.svix.com/receiving/verifying-payloads/how-manual).
 * - Stripe: `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret as UTF-8, "<t>.<body>")>`,
 *   tolerance 300 s (stripe-python `_webhook.py` `DEFAULT_TOLERANCE = 300`).
 * - GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret as UTF-8, body)>`
 *   (docs.github.com, "Validating webhook deliveries"). No timestamp is signed, so there is no
 *   replay window: a captured delivery verifies for ever; only deduplication on
 *   `X-GitHub-Delivery` stops a replay.
 * - Shopify: `X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256(app secret as UTF-8, raw body)>`
 *   (shopify.dev, "Verify webhooks"). No timestamp either.
 * An HMAC costs microseconds, more than the rest of a delivery, so headers are computed when
 * read (see Signature): every header anyone reads is the real one, and every verdict is the
 * one a full recomputation gives.
 */

/** The providers' header formats, for schemas. */
export const SIGNATURE_SCHEMES = ['svix', 'stripe', 'github', 'shopify'] as const;

/** Which provider's header format a sender writes and a receiver expects. */
export type SignatureScheme = (typeof SIGNATURE_SCHEMES)[number];

/** Whether a scheme signs a timestamp (and so has a replay window). */
export function signsTimestamp(scheme: SignatureScheme): boolean {
  return scheme === 'svix' || scheme === 'stripe';
}

/**
 * Simulated wall clock: t = 0 of every run is 2024-01-01T00:00:00Z, so a timestamp header
 * reads like a real one. Whole seconds, as both headers carry them.
 */
export const SIM_EPOCH_SEC = 1_704_067_200;

/** The unix time in whole seconds at simulated time `nowMs`. */
export function unixSeconds(nowMs: number): number {
  return SIM_EPOCH_SEC + Math.floor(nowMs / 1000);
}

/**
 * A request body: its text, or an object whose `toString()` is the text, built when first
 * needed (the sender's event bodies are such objects; see EventBody).
 */
export type Body = string | { toString(): string };

/** What a receiver concludes about a request: accept it, or why not (400 or 401). */
export type Verdict = 'ok' | 'bad-signature' | 'too-old' | 'too-new' | 'malformed';

/** A byte key ready for HMAC, holding the keyed state so each MAC costs only the message blocks. */
export class HmacKey {
  private readonly hmac: HmacSha256;
  private readonly out = new Uint8Array(32);
  /** MACs computed with this key (each one is an HMAC-SHA256 run). */
  computed = 0;

  constructor(readonly bytes: Uint8Array) {
    this.hmac = new HmacSha256(bytes);
  }

  /** HMAC-SHA256 of the UTF-8 bytes of `message` under this key (32 fresh bytes). */
  mac(message: string): Uint8Array {
    this.computed++;
    // UTF-8 takes at most 3 bytes per UTF-16 unit, and the hash pads in place (72 bytes more at most).
    if (message.length * 3 + 72 > scratch.length) scratch = new Uint8Array(message.length * 3 + 72);
    const n = encoder.encodeInto(message, scratch).written;
    this.hmac.macInto(scratch, n, this.out);
    return this.out.slice();
  }
}

const encoder = new TextEncoder();
let scratch = new Uint8Array(1024);

/**
 * A signature header value made by `sign`: the real HMAC-SHA256 header, computed when it is
 * first read (`value`, `String(sig)`, `JSON.stringify`) and then kept. Most deliveries are
 * checked by a receiver holding the very key that signed them, over the very bytes signed; as
 * HMAC is deterministic, `verify` knows those match without running it twice, so a run pays
 * for the MACs somebody looks at or that can differ (a wrong key, a changed body).
 */
export class Signature {
  private text: string | undefined;

  constructor(
    readonly scheme: SignatureScheme,
    readonly key: HmacKey,
    readonly id: string,
    readonly timestamp: number,
    readonly body: Body,
  ) {}

  /** The MAC the header carries, computed again (32 fresh bytes). */
  mac(): Uint8Array {
    return this.key.mac(signedContent(this.scheme, this.id, this.timestamp, this.body));
  }

  /** The header value: `v1,<base64>` (Svix), `t=<ts>,v1=<hex>` (Stripe), `sha256=<hex>` (GitHub) or `<base64>` (Shopify). */
  get value(): string {
    this.text ??= headerValue(this.scheme, this.mac(), this.timestamp);
    return this.text;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}

function headerValue(scheme: SignatureScheme, mac: Uint8Array, timestamp: number): string {
  switch (scheme) {
    case 'svix':
      return `v1,${base64Encode(mac)}`;
    case 'stripe':
      return `t=${timestamp},v1=${bytesToHex(mac)}`;
    case 'github':
      return `sha256=${bytesToHex(mac)}`;
    case 'shopify':
      return base64Encode(mac);
  }
}

const keys = new Map<string, HmacKey>();

/**
 * The HMAC key a secret stands for in `scheme`: Svix base64-decodes what follows `whsec_`;
 * Stripe, GitHub and Shopify use the whole secret string's UTF-8 bytes. Interned, so equal secrets share one key.
 */
export function signingKey(scheme: SignatureScheme, secret: string): HmacKey {
  const id = `${scheme}:${secret}`;
  let key = keys.get(id);
  if (!key) {
    const bytes = scheme === 'svix' ? base64Decode(secret.startsWith('whsec_') ? secret.slice(6) : secret) : encoder.encode(secret);
    if (keys.size >= 256) keys.clear();
    keys.set(id, (key = new HmacKey(bytes)));
  }
  return key;
}

/** The string a scheme signs for one request. */
export function signedContent(scheme: SignatureScheme, id: string, timestamp: number, body: Body): string {
  if (scheme === 'svix') return `${id}.${timestamp}.${body}`;
  return scheme === 'stripe' ? `${timestamp}.${body}` : String(body);
}

/** Signs one request: the signature header over `id`, `timestamp` and `body` (see Signature). */
export function sign(scheme: SignatureScheme, key: HmacKey, id: string, timestamp: number, body: Body): Signature {
  return new Signature(scheme, key, id, timestamp, body);
}

/**
 * Checks a request as the providers' libraries do: the timestamp first (a replay of an old,
 * correctly signed request fails here), then the signature, compared in constant time.
 * `id` is the delivery id header (`svix-id`; Stripe does not sign it), `timestamp` the
 * timestamp header (Stripe reads `t=` from its signature header instead), `signature` the
 * signature header. `toleranceSec` bounds the distance between the timestamp and `nowSec`.
 */
export function verify(
  scheme: SignatureScheme, key: HmacKey, id: string, timestamp: number, signature: Signature | string, body: Body,
  nowSec: number, toleranceSec: number,
): Verdict {
  const own = signature instanceof Signature && signature.scheme === scheme ? signature : undefined;
  let ts = timestamp;
  let candidates: string[] | undefined;
  if (scheme === 'stripe') {
    if (own) {
      ts = own.timestamp;
    } else {
      const parsed = parseStripeHeader(String(signature));
      if (!parsed) return 'malformed';
      ts = parsed.t;
      candidates = parsed.v1;
    }
  }
  if (signsTimestamp(scheme)) {
    if (!Number.isInteger(ts)) return 'malformed';
    if (nowSec - ts > toleranceSec) return 'too-old';
    // Stripe's SDKs check only that the timestamp is not too old (stripe-python `_webhook.py`:
    // `timestamp < time.time() - tolerance`); Svix also rejects timestamps too far ahead.
    if (scheme !== 'stripe' && ts > nowSec + toleranceSec) return 'too-new';
  }
  // Same key object, same signed bytes (the very same body): the MAC we would compute is the one in the header.
  if (own && own.key === key && own.body === body && (!signsTimestamp(scheme) || own.timestamp === ts) && (scheme !== 'svix' || own.id === id)) {
    return 'ok';
  }
  // A header of ours carries exactly one MAC, in the encoding the scheme compares: comparing the
  // bytes gives the verdict comparing the encoded strings gives, without writing them out.
  if (own) return equalBytes(own.mac(), key.mac(signedContent(scheme, id, ts, body))) ? 'ok' : 'bad-signature';
  candidates ??= headerCandidates(scheme, String(signature));
  if (candidates.length === 0) return 'malformed';
  const mac = key.mac(signedContent(scheme, id, ts, body));
  const expected = scheme === 'svix' || scheme === 'shopify' ? base64Encode(mac) : bytesToHex(mac);
  for (const c of candidates) if (constantTimeEqual(c, expected)) return 'ok';
  return 'bad-signature';
}

/** The MACs a header offers, in the encoding the scheme compares: none when it is malformed. */
function headerCandidates(scheme: SignatureScheme, header: string): string[] {
  switch (scheme) {
    case 'svix':
      return header.split(' ').filter((s) => s.startsWith('v1,')).map((s) => s.slice(3));
    case 'stripe':
      return parseStripeHeader(header)?.v1 ?? [];
    case 'github':
      return header.startsWith('sha256=') ? [header.slice(7)] : [];
    case 'shopify':
      return header === '' ? [] : [header];
  }
}

function parseStripeHeader(header: string): { t: number; v1: string[] } | undefined {
  let t: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const k = part.slice(0, eq);
    const v = part.slice(eq + 1);
    if (k === 't') t = Number(v);
    else if (k === 'v1') v1.push(v);
  }
  return t === undefined ? undefined : { t, v1 };
}

/** String equality whose running time does not depend on where the strings differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Byte-array equality whose running time does not depend on where the arrays differ. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Lower-case hexadecimal, two digits a byte. */
function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!]!;
  return out;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (RFC 4648 §4). */
export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + '=';
  }
  return out;
}

/** Decodes standard base64 (padding optional); throws on a character outside the alphabet. */
export function base64Decode(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = B64.indexOf(clean[i]!);
    if (v < 0) throw new Error(`not base64: ${JSON.stringify(clean[i])} at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** The raw HMAC-SHA256 of `message` under `key` (bytes), uncached: for tests and one-offs. */
export function hmacSha256(key: Uint8Array, message: Uint8Array | string): Uint8Array {
  const bytes = typeof message === 'string' ? encoder.encode(message) : message;
  const buf = new Uint8Array(bytes.length + 72);
  buf.set(bytes);
  const out = new Uint8Array(32);
  new HmacSha256(key).macInto(buf, bytes.length, out);
  return out;
}
