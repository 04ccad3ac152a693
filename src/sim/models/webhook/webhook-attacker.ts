import { z } from 'zod';
import { nodeSchema } from '../../engine/kind';
import type { Message } from '../../engine/message';
import { SimNode, type NodeStats, type SignalData } from '../../engine/node';
import type { Simulation } from '../../engine/simulation';
import type { Timer } from '../../engine/timers';
import type { SignalKind } from '../../engine/trace';
import type { WebhookMeta } from './webhook-meta';
import { WebhookSender } from './webhook-sender';
import { sign, signingKey, unixSeconds, type HmacKey, SIGNATURE_SCHEMES } from './webhook-signature';
import { LIMITS } from '../../engine/limits';

const TICK = 1;
/** The next strike is due. */
type AttackerTimers = { [TICK]: undefined };

/** Scenario fields of an attacker: someone who POSTs fake webhooks to the receivers it links to. */
export const attackerSchema = nodeSchema('webhook-attacker', () => ({
  /**
   * `forge`: a new event signed with a secret that is not the receiver's (expect 401).
   * `replay`: a request recorded from a sender's traffic, re-sent unchanged later (expect 400 once
   * it is older than the receiver's tolerance; inside the window only dedupe stops it).
   */
  mode: z.enum(['forge', 'replay']).default('forge'),
  startMs: z.number().nonnegative().max(LIMITS.ms).default(5_000),
  everyMs: z.number().positive().max(LIMITS.ms).default(5_000),
  limit: z.number().int().positive().max(LIMITS.count).optional(),
  /** The sender whose traffic it records, for `replay`; the first webhook sender by default. */
  eavesdrop: z.string().optional(),
  /** The secret it signs forgeries with: a guess, not the real one. */
  secret: z.string().min(1).default('whsec_bm90LXRoZS1yZWFsLXNlY3JldA=='),
  signature: z.enum(SIGNATURE_SCHEMES).default('svix'),
  eventType: z.string().min(1).default('order.paid'),
}));

/** An attacker's config as parsed from a scenario. */
export type AttackerConfig = z.infer<typeof attackerSchema>;

/**
 * Sends fake webhook requests: forgeries or replays. Its requests are messages like any other
 * (published here, sent over its links); a rejected one comes back with the answer and is
 * dropped here, an accepted one is processed by the receiver, which is the attack succeeding.
 */
export class WebhookAttacker extends SimNode<AttackerConfig> {
  private readonly key: HmacKey;
  private captured: WebhookMeta | undefined;
  sent = 0;
  rejected = 0;
  accepted = 0;

  constructor(sim: Simulation, config: AttackerConfig) {
    super(sim, config);
    this.key = signingKey(config.signature, config.secret);
  }

  override start(): void {
    this.sim.scheduler.schedule(this.config.startMs, this, TICK);
  }

  override handle(_ev: Timer<AttackerTimers>): void {
    const c = this.config;
    if (c.limit !== undefined && this.sent >= c.limit) return;
    if (this.online) this.strike();
    this.sim.scheduler.schedule(c.everyMs, this, TICK);
  }

  /** `forge` / `replay`: one request now, whatever the mode. */
  override command(name: string): void {
    if (name === 'forge' || name === 'replay') this.strike(name);
  }

  private strike(mode = this.config.mode): void {
    const request = mode === 'forge' ? this.forge() : this.replay();
    if (!request) return;
    for (const link of this.sim.outgoing(this.id)) {
      const msg = this.sim.publish(this, this.config.eventType);
      msg.meta = { ...request, endpoint: link.to.id, answered: false };
      this.sent++;
      this.sim.send(link, msg, 'webhook');
    }
  }

  private forge(): WebhookMeta {
    const n = this.sent + 1;
    const deliveryId = `msg_forged_${n}`;
    const timestamp = unixSeconds(this.sim.now);
    const body = `{"id":"evt_forged_${n}","type":${JSON.stringify(this.config.eventType)}}`;
    const signature = sign(this.config.signature, this.key, deliveryId, timestamp, body);
    return { deliveryId, attempt: 1, timestamp, signature, body, endpoint: '', answered: false };
  }

  /** The recorded request; the first call records the sender's latest one and sends nothing. */
  private replay(): WebhookMeta | undefined {
    if (this.captured) return this.captured;
    const sender = this.target();
    const seen = sender?.lastSent;
    if (seen) {
      const { deliveryId, timestamp, signature, body } = seen;
      this.captured = { deliveryId, attempt: seen.attempt, timestamp, signature, body, endpoint: '', answered: false };
    }
    return undefined;
  }

  private target(): WebhookSender | undefined {
    const id = this.config.eavesdrop;
    for (const node of this.sim.nodes.values()) {
      if (node instanceof WebhookSender && (id === undefined || node.id === id)) return node;
    }
    return undefined;
  }

  override onSignal(kind: SignalKind, msg: Message | undefined, from: SimNode, data: SignalData | undefined): void {
    if (kind !== 'response' || !msg) return;
    if (data?.ok) {
      this.accepted++;
      return;
    }
    this.rejected++;
    if (msg.state !== 'done' && msg.state !== 'dropped' && msg.state !== 'dead') {
      this.sim.drop(this, msg, `rejected by ${from.id}: HTTP ${data?.status}${data?.error ? ` (${String(data.error)})` : ''}`);
    }
  }

  override stats(): NodeStats {
    return { kind: this.kind, online: this.online, sent: this.sent, rejected: this.rejected, accepted: this.accepted };
  }
}
