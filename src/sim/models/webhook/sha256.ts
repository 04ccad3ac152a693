/**
 * SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), for webhook signatures. One compression
 * function over 32-bit integers and a keyed state made once per key: a run signs few requests
 * for real (forgeries, headers someone reads), too few for a general-purpose library's many
 * small methods to be compiled before the run ends; these few loops are compiled at once.
 * Checked against node:crypto in webhook-signature.test.ts.
 */

// The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4 §4.2.2).
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

// The initial hash value (FIPS 180-4 §5.3.3).
const IV = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const W = new Int32Array(64);

/** Runs the compression function over the 64-byte blocks of `bytes` from `from` to `to`, updating `state`. */
function compress(state: Int32Array, bytes: Uint8Array, from: number, to: number): void {
  for (let p = from; p < to; p += 64) {
    for (let i = 0; i < 16; i++) {
      const j = p + 4 * i;
      W[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const x = W[i - 15]!;
      const y = W[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
    }
    let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!;
    let e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    state[0] = (state[0]! + a) | 0;
    state[1] = (state[1]! + b) | 0;
    state[2] = (state[2]! + c) | 0;
    state[3] = (state[3]! + d) | 0;
    state[4] = (state[4]! + e) | 0;
    state[5] = (state[5]! + f) | 0;
    state[6] = (state[6]! + g) | 0;
    state[7] = (state[7]! + h) | 0;
  }
}

/**
 * Pads the `n` message bytes at the start of `buf` (which has room for 72 more) as SHA-256 does,
 * for a message of `prefix + n` bytes in all, and returns the padded length (a multiple of 64).
 */
function pad(buf: Uint8Array, n: number, prefix: number): number {
  const end = (((n + 8) >> 6) + 1) << 6;
  buf[n] = 0x80;
  buf.fill(0, n + 1, end);
  const bits = (prefix + n) * 8;
  // Messages here are far below 2^32 bits, but the length field is 64 bits: write both halves.
  const high = Math.floor(bits / 4294967296);
  buf[end - 8] = high >>> 24;
  buf[end - 7] = high >>> 16;
  buf[end - 6] = high >>> 8;
  buf[end - 5] = high;
  buf[end - 4] = bits >>> 24;
  buf[end - 3] = bits >>> 16;
  buf[end - 2] = bits >>> 8;
  buf[end - 1] = bits;
  return end;
}

function digestInto(state: Int32Array, out: Uint8Array, at: number): void {
  for (let i = 0; i < 8; i++) {
    const v = state[i]!;
    out[at + 4 * i] = v >>> 24;
    out[at + 4 * i + 1] = v >>> 16;
    out[at + 4 * i + 2] = v >>> 8;
    out[at + 4 * i + 3] = v;
  }
}

/** SHA-256 of `bytes` (32 fresh bytes). */
export function sha256(bytes: Uint8Array): Uint8Array {
  const buf = new Uint8Array(bytes.length + 72);
  buf.set(bytes);
  const state = IV.slice();
  compress(state, buf, 0, pad(buf, bytes.length, 0));
  const out = new Uint8Array(32);
  digestInto(state, out, 0);
  return out;
}

/** An HMAC-SHA256 key, holding the states after its inner and outer key blocks, so each MAC costs only the message's blocks and one more. */
export class HmacSha256 {
  private readonly inner = IV.slice();
  private readonly outer = IV.slice();
  private readonly state = new Int32Array(8);
  private readonly last = new Uint8Array(64);

  constructor(key: Uint8Array) {
    const block = new Uint8Array(64);
    block.set(key.length > 64 ? sha256(key) : key);
    for (let i = 0; i < 64; i++) block[i]! ^= 0x36;
    compress(this.inner, block, 0, 64);
    for (let i = 0; i < 64; i++) block[i]! ^= 0x36 ^ 0x5c;
    compress(this.outer, block, 0, 64);
  }

  /**
   * Writes the MAC of the first `n` bytes of `buf` into `out` (32 bytes). `buf` must have room
   * for 72 bytes past them: it is padded in place.
   */
  macInto(buf: Uint8Array, n: number, out: Uint8Array): void {
    const state = this.state;
    state.set(this.inner);
    compress(state, buf, 0, pad(buf, n, 64));
    const last = this.last;
    digestInto(state, last, 0);
    pad(last, 32, 64);
    state.set(this.outer);
    compress(state, last, 0, 64);
    digestInto(state, out, 0);
  }
}
