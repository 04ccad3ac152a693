import type { Link } from '../../engine/link';
import type { SignalData, SimNode } from '../../engine/node';
import type { Simulation } from '../../engine/simulation';
import { signingKey, type HmacKey, type SignatureScheme } from './webhook-signature';

/** A registered endpoint: a receiver's URL, its event filter and the secret deliveries are signed with. */
export interface Endpoint {
  receiver: SimNode;
  /** The network path the sender POSTs over. */
  link: Link;
  url: string;
  /** Event types it wants; undefined for all. */
  events: ReadonlySet<string> | undefined;
  key: HmacKey;
  state: 'enabled' | 'disabled' | 'removed';
  consecutiveFailures: number;
  /** Time of the first failure since the last success; NaN while not failing. */
  failingSince: number;
}

/**
 * A sender's endpoints, as receivers registered them (a `register` signal carrying the URL,
 * the event types and the secret, as one sets up a webhook in GitHub or Stripe). Keeps the
 * registration order, which is the order a fan-out follows, and traces every change.
 */
export class Endpoints {
  private readonly byReceiver = new Map<string, Endpoint>();
  private ordered: Endpoint[] = [];

  constructor(
    private readonly sim: Simulation,
    private readonly sender: SimNode,
  ) {}

  /** The endpoints in registration order (enabled and disabled; removed ones leave). */
  get all(): readonly Endpoint[] {
    return this.ordered;
  }

  /** Endpoints deliveries go to now. */
  get enabled(): number {
    let n = 0;
    for (const ep of this.ordered) if (ep.state === 'enabled') n++;
    return n;
  }

  /** The endpoint of `receiver`, if registered. */
  of(receiver: string): Endpoint | undefined {
    return this.byReceiver.get(receiver);
  }

  /**
   * Registers `receiver` (again: a new URL, filter or secret replaces the old, and a disabled
   * endpoint is enabled). Ignored when no link leads from the sender to it: nowhere to POST.
   */
  register(receiver: SimNode, data: SignalData | undefined, scheme: SignatureScheme): Endpoint | undefined {
    const link = this.sim.link(this.sender.id, receiver.id);
    if (!link) return undefined;
    const events = Array.isArray(data?.events) && data.events.length > 0 ? new Set(data.events.map(String)) : undefined;
    const url = typeof data?.url === 'string' ? data.url : receiver.id;
    const key = signingKey(scheme, String(data?.secret ?? ''));
    let ep = this.byReceiver.get(receiver.id);
    if (!ep) {
      ep = { receiver, link, url, events, key, state: 'enabled', consecutiveFailures: 0, failingSince: NaN };
      this.byReceiver.set(receiver.id, ep);
      this.ordered = [...this.ordered, ep];
    }
    Object.assign(ep, { url, events, key });
    this.enable(ep);
    return ep;
  }

  /** Removes `receiver`'s endpoint; returns it, marked removed, or undefined if there was none. */
  unregister(receiver: SimNode): Endpoint | undefined {
    const ep = this.byReceiver.get(receiver.id);
    if (!ep) return undefined;
    this.byReceiver.delete(receiver.id);
    this.ordered = this.ordered.filter((e) => e !== ep);
    ep.state = 'removed';
    this.sim.emit({ type: 'webhook.unregistered', t: this.sim.now, node: this.sender.id, endpoint: receiver.id, url: ep.url });
    return ep;
  }

  /** Turns `ep` on with a clean failure record, and traces it as a registration. */
  enable(ep: Endpoint): void {
    ep.state = 'enabled';
    ep.consecutiveFailures = 0;
    ep.failingSince = NaN;
    this.sim.emit({
      type: 'webhook.registered', t: this.sim.now, node: this.sender.id, endpoint: ep.receiver.id, url: ep.url,
      events: ep.events ? [...ep.events] : null,
    });
  }
}
