import type { Message } from '../../engine/message';
import type { ScheduledEvent } from '../../engine/scheduler';
import type { WebhookMeta } from './webhook-meta';
import type { Endpoint } from './webhook-endpoints';

/** One event on its way to one endpoint, across all its attempts: the sender's record of it. */
export interface Delivery {
  /** Where it sits in the sender's list of open deliveries; -1 once closed. */
  slot: number;
  /** `msg_<root>`, the `svix-id` of every attempt. */
  id: string;
  endpoint: Endpoint;
  /** The copy this delivery sends; replaced by a fresh copy when the old one cannot come back. */
  msg: Message;
  attempt: number;
  firstAt: number;
  /** Waiting for the answer to `attempt`, until `deadline`. */
  outstanding: boolean;
  deadline: number;
  /** The copy is away (on the network or at the receiver), not held by the sender. */
  out: boolean;
  retry: ScheduledEvent | undefined;
  dueAt: number;
  closed: boolean;
  /** A manual redelivery from the dashboard: one attempt, no retry schedule. */
  manual?: boolean;
}

// The delivery a copy belongs to, kept on the copy's meta under a symbol: structured clone and
// JSON skip it, and a fresh copy (whose meta is a spread of the old) keeps pointing at it. A
// Map from copy id would do, but its tables churn, and V8 then keeps dead deliveries alive
// through young-generation collections (measured: a quarter of the run spent in GC).
const DELIVERY = Symbol('delivery');
type Tagged = WebhookMeta & { [DELIVERY]?: Delivery };

/** The meta of a new delivery's copy: its headers, not yet signed, tagged with the delivery. */
export function newMeta(d: Delivery, body: EventBody): WebhookMeta {
  const meta: Tagged = {
    deliveryId: d.id, attempt: 0, timestamp: 0, signature: '', body, endpoint: d.endpoint.receiver.id, answered: false,
    [DELIVERY]: d,
  };
  return meta;
}

/** The open delivery whose current copy is `msg`, if any. */
export function deliveryOf(msg: Message): Delivery | undefined {
  const d = (msg.meta as Tagged | undefined)?.[DELIVERY];
  return d && !d.closed && d.msg === msg ? d : undefined;
}

/** Unlinks a closed delivery's copy from it (copies outlive deliveries: done at the receiver, or in a subscriber's hands). */
export function untag(msg: Message): void {
  const meta = msg.meta as Tagged | undefined;
  if (meta) meta[DELIVERY] = undefined;
}

/**
 * The JSON body of an event, as the sender signs and POSTs it, written out when first read
 * (`String(body)`, JSON, a signature computed): most bodies in a run are never looked at.
 */
export class EventBody {
  private text: string | undefined;
  /** `svix-id` of its deliveries: `msg_<root>`, the same for every endpoint, so made once per event. */
  readonly deliveryId: string;

  constructor(
    readonly root: number,
    readonly type: string,
    readonly key: string | undefined,
  ) {
    this.deliveryId = deliveryId(root);
  }

  toString(): string {
    if (this.text === undefined) {
      const key = this.key === undefined ? '' : `,"key":${JSON.stringify(this.key)}`;
      this.text = `{"id":"evt_${this.root}","type":${JSON.stringify(this.type)}${key}}`;
    }
    return this.text;
  }

  toJSON(): string {
    return this.toString();
  }
}

/**
 * The number n of a request's svix-id `msg_<n>` when the id is the one a sender wrote for this
 * very body (what RecentIds would parse out of it), so a receiver need not parse it; undefined
 * otherwise (a forger's id or body: the receiver parses the id).
 */
export function deliveryNumber(id: string, body: unknown): number | undefined {
  if (!(body instanceof EventBody) || body.deliveryId !== id) return undefined;
  const n = body.root;
  // Within what RecentIds keeps as a number: canonical decimals of at most 15 digits.
  return n >= 0 && n < 1e15 && Number.isInteger(n) ? n : undefined;
}

// `msg_0` to `msg_999`, and 0-999 padded to three digits: made once, shared by every id.
const MSG_PLAIN: string[] = [];
const PADDED: string[] = [];
for (let i = 0; i < 1000; i++) {
  MSG_PLAIN.push(`msg_${i}`);
  PADDED.push(String(i).padStart(3, '0'));
}

/**
 * `msg_<n>` for an integer n ≥ 0, put together from pieces made once (one concatenation below a
 * million). An event's number written the usual way goes through V8's number-to-string cache,
 * which keeps every string it made alive until the next full collection: one per event, each
 * copied by every young-generation collection until it was promoted (measured: most of a webhook
 * run's GC time).
 */
function deliveryId(n: number): string {
  if (!(n >= 0 && n < 1e9 && Number.isInteger(n))) return `msg_${n}`;
  if (n < 1000) return MSG_PLAIN[n]!;
  if (n < 1e6) return MSG_PLAIN[Math.floor(n / 1000)]! + PADDED[n % 1000]!;
  return MSG_PLAIN[Math.floor(n / 1e6)]! + PADDED[Math.floor(n / 1000) % 1000]! + PADDED[n % 1000]!;
}

/**
 * Attempts waiting for an answer, in send order, for one timer to serve them all. The deadline
 * is kept beside each entry because a delivery may come back with a later attempt; answered
 * attempts leave the front as soon as they reach it, so the queue does not keep finished
 * deliveries alive. With a constant timeout, deadlines come in order; after the timeout is
 * shortened an earlier deadline may wait behind a later one, and fires with it.
 */
export class AnswerDeadlines {
  // One ring, the deliveries beside their deadlines (two queues cost twice the bookkeeping per attempt).
  private ds: (Delivery | undefined)[] = new Array<Delivery | undefined>(16).fill(undefined);
  private ts = new Float64Array(16);
  private mask = 15;
  private head = 0;
  private length = 0;

  /** Queues `d`'s current attempt, due at `d.deadline`. */
  push(d: Delivery): void {
    this.dropAnswered();
    if (this.length > this.mask) this.grow();
    const i = (this.head + this.length) & this.mask;
    this.ds[i] = d;
    this.ts[i] = d.deadline;
    this.length++;
  }

  /** Takes out the first unanswered attempt due by `now`, or returns undefined when none is. */
  nextExpired(now: number): Delivery | undefined {
    this.dropAnswered();
    if (this.length === 0 || this.ts[this.head]! > now) return undefined;
    const d = this.ds[this.head];
    this.shift();
    return d;
  }

  /** When the first unanswered attempt is due, or undefined when none waits. */
  nextDeadline(): number | undefined {
    this.dropAnswered();
    return this.length === 0 ? undefined : this.ts[this.head];
  }

  private dropAnswered(): void {
    while (this.length > 0) {
      const d = this.ds[this.head]!;
      if (d.outstanding && d.deadline === this.ts[this.head]) return;
      this.shift();
    }
  }

  private shift(): void {
    this.ds[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.length--;
  }

  private grow(): void {
    const size = 2 * (this.mask + 1);
    const ds = new Array<Delivery | undefined>(size).fill(undefined);
    const ts = new Float64Array(size);
    for (let k = 0; k < this.length; k++) {
      const i = (this.head + k) & this.mask;
      ds[k] = this.ds[i];
      ts[k] = this.ts[i]!;
    }
    this.ds = ds;
    this.ts = ts;
    this.mask = size - 1;
    this.head = 0;
  }
}
