import { z } from 'zod';
import { nodeSchema } from '../../engine/kind';
import type { Message } from '../../engine/message';
import type { NodeStats, SignalData, SimNode } from '../../engine/node';
import type { Simulation } from '../../engine/simulation';
import type { Timer } from '../../engine/timers';
import type { Channel } from '../../engine/trace';
import { Service, isHttp, serviceShape, type Job, type ServiceTimers } from '../core/service';
import { webhookMeta } from './webhook-meta';
import { RecentIds } from './recent-ids';
import { deliveryNumber } from './webhook-delivery';
import { WebhookSender } from './webhook-sender';
import { base64Encode, signingKey, unixSeconds, verify, type HmacKey, type Verdict, SIGNATURE_SCHEMES } from './webhook-signature';
import { LIMITS } from '../../engine/limits';

const REGISTER = 101;
/** A receiver's timers: a service's, and the moment it registers its endpoint. */
type ReceiverTimers = ServiceTimers & { [REGISTER]: undefined };
/** Scenario fields of a webhook receiver: a service with an endpoint that other services POST events to. */
export const receiverSchema = nodeSchema('webhook-receiver', () => ({
  concurrency: serviceShape.concurrency,
  serviceTime: serviceShape.serviceTime,
  /** Probability that handling an event fails: the sender gets a 500 and retries. */
  failureRate: serviceShape.failureRate,
  maxQueue: serviceShape.maxQueue,
  /** 'refuse' (default): connections are refused while down. 'hang': requests vanish and senders time out. */
  whenOffline: serviceShape.whenOffline,
  /** The endpoint URL it registers; `https://<id>.example.com/webhooks` by default. */
  url: z.string().min(1).optional(),
  /** Event types it registers for; all by default. */
  events: z.array(z.string().min(1)).optional(),
  /** The signing secret it registers and verifies with; one derived from its id by default. */
  secret: z.string().min(1).optional(),
  signature: z.enum(SIGNATURE_SCHEMES).default('svix'),
  /** Check signatures and timestamps (turn off to see what an unprotected endpoint accepts). */
  verify: z.boolean().default(true),
  /** Largest accepted distance between a request's timestamp and now: Svix ±5 min, Stripe 300 s. */
  toleranceSec: z.number().positive().max(LIMITS.ms / 1000).default(300),
  /** Set as on the sender: compresses the tolerance with the schedule, down to 1 s (timestamps are whole seconds). */
  timeScale: z.number().positive().max(1).default(1),
  /** Answer a delivery id already processed with 200 without processing it again. */
  dedupe: z.boolean().default(false),
  /** How many processed delivery ids it remembers (the oldest is forgotten first). */
  dedupeMemory: z.number().int().positive().max(LIMITS.dedupeMemory).default(10_000),
  /** Register with every webhook sender linked to it at `registerAtMs`; otherwise only by command. */
  register: z.boolean().default(true),
  registerAtMs: z.number().nonnegative().max(LIMITS.ms).default(0),
}));

/** A webhook receiver's config as parsed from a scenario. */
export type ReceiverConfig = z.infer<typeof receiverSchema>;

/**
 * A service that receives webhooks: it registers its endpoint with the senders linked to it,
 * checks each request's timestamp and signature on arrival (stale → 400, bad signature →
 * 401), optionally answers a delivery id it has already processed with 200 and no work, and
 * processes the rest like any service, answering 200, or 500 when processing fails. It has no
 * buffer of its own beyond its inbox: while offline, connections are refused and the
 * senders keep their deliveries.
 */
export class WebhookReceiver extends Service<ReceiverConfig> {
  private key: HmacKey;
  private events: readonly string[] | undefined;
  private memory: RecentIds;
  private registerWhenOnline = false;

  received = 0;
  verified = 0;
  rejectedSignature = 0;
  rejectedReplay = 0;
  rejectedMalformed = 0;
  deduplicated = 0;
  /** Copies processed here a second time (the ledger's duplicates, counted at this receiver). */
  duplicates = 0;

  constructor(sim: Simulation, config: ReceiverConfig) {
    super(sim, config);
    this.key = signingKey(this.config.signature, this.secret);
    this.events = config.events;
    this.memory = new RecentIds(config.dedupeMemory);
  }

  /** The signing secret shared with its senders. */
  get secret(): string {
    return this.config.secret ?? `whsec_${base64Encode(new TextEncoder().encode(`microsim:${this.id}`))}`;
  }

  /** The URL it registers. */
  get url(): string {
    return this.config.url ?? `https://${this.id}.example.com/webhooks`;
  }

  /** The replay window in seconds, compressed with the scenario's time scale but never below 1 s. */
  get toleranceSec(): number {
    return Math.max(1, this.config.toleranceSec * this.config.timeScale);
  }

  override start(): void {
    if (this.config.register) this.sim.scheduler.schedule(this.config.registerAtMs, this, REGISTER);
  }

  override handle(ev: Timer<ReceiverTimers>): void {
    if (ev.type === REGISTER) this.signalSenders('register', undefined);
    else super.handle(ev);
  }

  /** Senders linked to it, or the one named. */
  private senders(only: unknown): WebhookSender[] {
    const out: WebhookSender[] = [];
    for (const link of this.sim.incoming(this.id)) {
      if (link.from instanceof WebhookSender && (only === undefined || link.from.id === only)) out.push(link.from);
    }
    return out;
  }

  private signalSenders(kind: 'register' | 'unregister', only: unknown): void {
    if (!this.online) {
      if (kind === 'register') this.registerWhenOnline = true;
      return;
    }
    const data = kind === 'register' ? { url: this.url, events: this.events, secret: this.secret } : { url: this.url };
    for (const sender of this.senders(only)) this.sim.signal(this, sender, kind, undefined, data);
  }

  /** `register {events?, sender?}` and `unregister {sender?}`: (un)subscribe at the senders linked to it, or one. */
  override command(name: string, args: Record<string, unknown>): void {
    if (name === 'register') {
      if (Array.isArray(args.events)) this.events = args.events.map(String);
      this.signalSenders('register', args.sender);
    } else if (name === 'unregister') {
      this.signalSenders('unregister', args.sender);
    }
  }

  override receive(msg: Message, from: SimNode, channel: Channel): void {
    if (!isHttp(channel) || !this.online) return super.receive(msg, from, channel);
    this.received++;
    const meta = webhookMeta(msg);
    if (this.config.verify) {
      const verdict: Verdict = meta
        ? verify(this.config.signature, this.key, meta.deliveryId, meta.timestamp, meta.signature, meta.body, unixSeconds(this.sim.now), this.toleranceSec)
        : 'malformed';
      if (verdict !== 'ok') return this.reject(msg, from, verdict);
      this.verified++;
    }
    if (this.config.dedupe && meta && this.memory.has(meta.deliveryId, deliveryNumber(meta.deliveryId, meta.body))) {
      this.deduplicated++;
      // A copy its caller already gave up on (a REST timeout) is dropped already: only answer.
      // The processed copy sent again (a retry after a timeout) is done again: a duplicate
      // attempt suppressed, not a loss (issue 9, defect 7). A fresh copy of a delivery whose
      // first copy was processed here is still counted as lost: it carries nothing new.
      const why = `duplicate of ${meta.deliveryId}, already processed: answered 200 without processing`;
      if (msg.state !== 'dropped') {
        if (msg.processedCount > 0) this.sim.suppress(this, msg, why);
        else this.sim.drop(this, msg, why);
      }
      this.answer(from, msg, 200);
      return;
    }
    super.receive(msg, from, channel);
  }

  private reject(msg: Message, from: SimNode, verdict: Verdict): void {
    const status = verdict === 'bad-signature' ? 401 : 400;
    const reason =
      verdict === 'bad-signature' ? 'signature does not match'
      : verdict === 'too-old' ? 'timestamp too old: a replay?'
      : verdict === 'too-new' ? 'timestamp too far in the future'
      : 'missing or malformed signature headers';
    if (verdict === 'bad-signature') this.rejectedSignature++;
    else if (verdict === 'malformed') this.rejectedMalformed++;
    else this.rejectedReplay++;
    if (msg.state !== 'dropped') this.sim.received(this, msg, from);
    this.sim.emit({ type: 'webhook.rejected', t: this.sim.now, node: this.id, from: from.id, msg, deliveryId: webhookMeta(msg)?.deliveryId, status, reason });
    this.answer(from, msg, status, reason);
  }

  /** Answers an HTTP request; the copy goes back with the answer unless it was processed or dropped. */
  private answer(to: SimNode, msg: Message, status: number, error?: string): void {
    const meta = webhookMeta(msg);
    if (meta) meta.answered = true;
    this.sim.signal(this, to, 'response', msg, answerData(status, meta?.attempt, error));
  }

  protected override refuse(msg: Message, from: SimNode, channel: Channel): void {
    if (isHttp(channel)) this.answer(from, msg, 0, 'connection refused');
    else super.refuse(msg, from, channel);
  }

  protected override complete(job: Job): void {
    if (!isHttp(job.channel)) return super.complete(job);
    const meta = webhookMeta(job.msg);
    if (job.msg.processedCount > 1) this.duplicates++;
    if (meta && this.config.dedupe) this.memory.add(meta.deliveryId, deliveryNumber(meta.deliveryId, meta.body));
    this.answer(job.from, job.msg, 200);
  }

  protected override completeFailed(job: Job): void {
    if (!isHttp(job.channel)) return super.completeFailed(job);
    this.answer(job.from, job.msg, 500, 'handler failed');
  }

  protected override onlineChanged(): void {
    super.onlineChanged();
    if (this.online && this.registerWhenOnline) {
      this.registerWhenOnline = false;
      this.signalSenders('register', undefined);
    }
  }

  /** A request it held when it went offline: reset (status 0, the sender learns at once), or lost with the host ('hang'). */
  protected override abandonRequest(job: Job): void {
    if (this.config.whenOffline === 'hang') super.abandonRequest(job);
    else this.answer(job.from, job.msg, 0, 'connection reset');
  }

  override configure(patch: Record<string, unknown>): void {
    super.configure(patch);
    this.key = signingKey(this.config.signature, this.secret);
    if (this.memory.capacity !== this.config.dedupeMemory) this.memory = new RecentIds(this.config.dedupeMemory);
  }

  override stats(): NodeStats {
    return {
      ...super.stats(),
      received: this.received, verified: this.verified,
      rejected: { badSignature: this.rejectedSignature, replay: this.rejectedReplay, malformed: this.rejectedMalformed },
      deduplicated: this.deduplicated, duplicates: this.duplicates,
    };
  }
}

const answers = new Map<number, SignalData>();
/** The answers of status 200 by attempt, the one nearly every delivery gets: an array, not a Map lookup. */
const ok200 = new Array<SignalData | undefined>(65).fill(undefined);

/**
 * The data of an HTTP answer: the status and the attempt it answers (so a sender can tell a
 * late answer to an earlier attempt from the current one). Plain answers are shared, read-only.
 */
function answerData(status: number, attempt: number | undefined, error: string | undefined): SignalData {
  const ok = status >= 200 && status < 300;
  if (error !== undefined || attempt === undefined || attempt > 64) return { status, ok, attempt, error };
  if (status === 200) return (ok200[attempt] ??= Object.freeze({ status, ok, attempt }));
  const k = status * 128 + attempt;
  let data = answers.get(k);
  if (!data) answers.set(k, (data = Object.freeze({ status, ok, attempt })));
  return data;
}
