import type { Message } from '../../engine/message';
import type { Endpoint } from './webhook-endpoints';
import type { Body } from './webhook-signature';

/** A delivery the sender gave up on, kept so a person can send it again from the dashboard. */
export interface DeadDelivery {
  id: string;
  endpoint: Endpoint;
  /** Its last copy: dead-lettered here, or processed (or still held) at the receiver. */
  msg: Message;
  body: Body;
}

/** Dead deliveries kept at most; the oldest is forgotten past it (providers keep 15 to 30 days of them). */
const KEPT = 1000;

/**
 * The sender's failed deliveries, newest last, for manual redelivery: Svix's and Stripe's
 * dashboards "Resend" one, GitHub's "Redeliver" (docs.github.com, "Redelivering webhooks").
 * A redelivery keeps the delivery's id (X-GitHub-Delivery, svix-id), so a receiver that
 * deduplicates still recognises it.
 */
export class DeadDeliveries {
  private readonly list: DeadDelivery[] = [];

  /** How many can be redelivered now. */
  get size(): number {
    return this.list.length;
  }

  /** Keeps a failed delivery. */
  add(d: DeadDelivery): void {
    this.list.push(d);
    if (this.list.length > KEPT) this.list.shift();
  }

  /** Takes the delivery `id` out, or the oldest one when `id` is absent; undefined when there is none. */
  take(id: string | undefined): DeadDelivery | undefined {
    const i = id === undefined ? 0 : this.list.findIndex((d) => d.id === id);
    return i < 0 || i >= this.list.length ? undefined : this.list.splice(i, 1)[0];
  }
}
