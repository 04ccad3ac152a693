import { z } from 'zod';
import { nodeSchema } from '../../engine/kind';
import { LIMITS } from '../../engine/limits';
import type { Link } from '../../engine/link';
import type { Message } from '../../engine/message';
import { SimNode, type NodeStats, type SignalData } from '../../engine/node';
import type { Rng } from '../../engine/rng';
import type { ScheduledEvent } from '../../engine/scheduler';
import type { Simulation } from '../../engine/simulation';
import type { Timer } from '../../engine/timers';
import type { Channel, SignalKind } from '../../engine/trace';
import { isHttp } from '../core/service';
import { pickReplica, type LbPolicy } from './policies';
import { lazySchema } from '../../engine/lazySchema';

const TIMEOUT = 1;
const SWEEP = 2;
/** A forwarded request's upstream timeout (by message id); the outlier sweep. */
type LoadBalancerTimers = { [TIMEOUT]: number; [SWEEP]: undefined };

/** Trace events of a load balancer. `node` is the load balancer. */
export type LbTrace =
  /** A replica failed `failures` times in a row and is taken out of the rotation until `untilT`. */
  | { type: 'lb.ejected'; t: number; node: string; replica: string; failures: number; untilT: number; ejections: number }
  /** An ejected replica is back in the rotation (its ejection time is over). */
  | { type: 'lb.returned'; t: number; node: string; replica: string }
  /** The load balancer gave up waiting for a replica and answered 504 upstream. */
  | { type: 'lb.timeout'; t: number; node: string; replica: string; msg: Message; afterMs: number };

/**
 * Passive health checking as Envoy's outlier detection does it (envoyproxy.io, config.cluster.v3
 * OutlierDetection): off unless configured, as in Envoy; `{}` turns it on with Envoy's defaults.
 * (nginx checks passively by default: max_fails=1, fail_timeout=10s, ngx_http_upstream_module.)
 */
export const outlierSchema = lazySchema(() => z
  .object({
    /** Envoy `consecutive_5xx`, default 5: 5xx answers and connection failures in a row that eject a replica. */
    consecutive5xx: z.number().int().positive().max(1000).default(5),
    /** Envoy `base_ejection_time`, default 30 s; the real time is this times the replica's ejections so far. */
    baseEjectionTimeMs: z.number().positive().max(LIMITS.ms).default(30_000),
    /** Envoy `max_ejection_time`, default 300 s: the longest one ejection lasts. */
    maxEjectionTimeMs: z.number().positive().max(LIMITS.ms).default(300_000),
    /** Envoy `interval`, default 10 s: ejected replicas return at the sweep after their time is over. */
    intervalMs: z.number().positive().max(LIMITS.ms).default(10_000),
    /** Envoy `max_ejection_percent`, default 10 %, "but will eject at least one host regardless". */
    maxEjectionPercent: z.number().min(0).max(100).default(10),
  })
  .strict());

/** Scenario fields of a load balancer: a reverse proxy in front of replicas of one service. */
export const loadBalancerSchema = nodeSchema('load-balancer', () => ({
  /**
   * How a replica is chosen. Envoy's and nginx's default is round robin; `least-outstanding`
   * scans every replica for the fewest requests in flight (nginx `least_conn`); `power-of-two`
   * draws two at random and takes the less busy (Envoy's LEAST_REQUEST, choice_count 2).
   */
  policy: z.enum(['round-robin', 'least-outstanding', 'power-of-two']).default('round-robin'),
  /** Envoy's route timeout, default 15 s: past it the proxy answers 504 upstream. */
  timeoutMs: z.number().positive().max(LIMITS.ms).default(15_000),
  /** Eject replicas that keep failing (passive health checking); off when absent. */
  outlierDetection: outlierSchema.optional(),
}));

/** A load balancer's config as parsed. */
export type LoadBalancerConfig = z.infer<typeof loadBalancerSchema>;

/** One replica as the load balancer sees it. */
export interface Replica {
  readonly link: Link;
  /** Requests sent to it so far. */
  sent: number;
  /** Requests sent and not answered yet. */
  outstanding: number;
  /** Answers 2xx–4xx. */
  ok: number;
  /** 5xx answers, connection failures and timeouts. */
  failed: number;
  /** Failures in a row (reset by any good answer). */
  consecutive: number;
  /** Ejected until this time; undefined while in the rotation. */
  ejectedUntil: number | undefined;
  /** Times it has been ejected. */
  ejections: number;
}

/** A replica's figures, for the card. */
export interface ReplicaStats {
  sent: number;
  outstanding: number;
  ok: number;
  failed: number;
  ejected: boolean;
  ejections: number;
}

/** What a load balancer reports: requests in flight and each replica's share. */
export interface LoadBalancerStats extends NodeStats {
  forwarded: number;
  inFlight: number;
  /** Requests answered 503 at once: no replica in the rotation. */
  noUpstream: number;
  timeouts: number;
  replicas: Record<string, ReplicaStats>;
}

interface Pending {
  msg: Message;
  from: SimNode;
  replica: Replica;
  sentAt: number;
  timer: ScheduledEvent;
  /**
   * Forwarded to a node that is not an HTTP server (a broker): the message is the broker's from
   * then on (it answers 202 on arrival, SimNode.answersRequests), so giving up on the request
   * must not drop it, as for a REST caller (call.ts, `handedOver`).
   */
  handedOver: boolean;
}

/**
 * A reverse proxy in front of the replicas of a service (the nodes it links to). Each request
 * that arrives is forwarded, as it is, to one replica chosen by `policy`; the replica's answer
 * is passed back to the caller. A connection refused or reset by a replica reaches the caller as
 * 503 (Envoy's "upstream connect error"); no answer within `timeoutMs`, as 504. It does not
 * retry: Envoy retries only with a retry policy on the route, and the caller has its own.
 * With `outlierDetection`, a replica that fails `consecutive5xx` times in a row leaves the
 * rotation for a while, and the load moves to its peers.
 */
export class LoadBalancer extends SimNode<LoadBalancerConfig> {
  readonly replicas: Replica[] = [];
  private readonly byId = new Map<string, Replica>();
  private readonly pending = new Map<number, Pending>();
  private readonly rng: Rng;
  private readonly turn = { next: 0 };
  private sweep: ScheduledEvent | undefined;
  forwarded = 0;
  noUpstream = 0;
  timeouts = 0;

  constructor(sim: Simulation, config: LoadBalancerConfig) {
    super(sim, config);
    this.rng = sim.rng(`node:${config.id}`);
  }

  override start(): void {
    for (const link of this.sim.outgoing(this.id)) {
      const r: Replica = { link, sent: 0, outstanding: 0, ok: 0, failed: 0, consecutive: 0, ejectedUntil: undefined, ejections: 0 };
      this.replicas.push(r);
      this.byId.set(link.to.id, r);
    }
  }

  /** It answers every request itself (with its replica's answer), as a server does. */
  override answersRequests(): boolean {
    return true;
  }

  override receive(msg: Message, from: SimNode, channel: Channel): void {
    if (!this.online) {
      this.sim.signal(this, from, 'response', msg, { status: 0, ok: false, error: 'connection refused' });
      return;
    }
    // Its caller gave up while it travelled (a timeout) and closed the connection: Envoy resets
    // the upstream request when the downstream one goes away, so nothing is forwarded.
    if (msg.state === 'dropped') return;
    const healthy = this.replicas.filter((r) => r.ejectedUntil === undefined);
    const replica = pickReplica(this.config.policy as LbPolicy, healthy, this.turn, this.rng);
    if (!replica) {
      this.noUpstream++;
      this.sim.signal(this, from, 'response', msg, { status: 503, ok: false, error: 'no healthy upstream' });
      return;
    }
    replica.sent++;
    replica.outstanding++;
    this.forwarded++;
    const timer = this.sim.scheduler.schedule(this.config.timeoutMs, this, TIMEOUT, msg.id);
    this.pending.set(msg.id, { msg, from, replica, sentAt: this.sim.now, timer, handedOver: !replica.link.to.answersRequests() });
    this.setBacklog(this.pending.size);
    // An HTTP proxy speaks HTTP only: a message published to it goes on as a request, so the
    // replica answers it (and sheds it as a request when it goes away) like any other.
    this.sim.send(replica.link, msg, isHttp(channel) ? channel : 'request');
  }

  override onSignal(kind: SignalKind, msg: Message | undefined, from: SimNode, data: SignalData | undefined): void {
    if (kind !== 'response' || !msg) return;
    const p = this.pending.get(msg.id);
    // An answer after this proxy gave up (504): nobody waits for it any more.
    if (!p || p.replica.link.to !== from) return;
    this.settle(p);
    this.sim.scheduler.cancel(p.timer);
    const status = data?.status ?? 0;
    this.outcome(p.replica, status !== 0 && status < 500);
    const answer = status === 0 ? { status: 503, ok: false, error: 'upstream connect error' } : data;
    this.sim.signal(this, p.from, 'response', msg, answer);
  }

  override handle(ev: Timer<LoadBalancerTimers>): void {
    if (ev.type === SWEEP) {
      this.sweep = undefined;
      this.returnReplicas();
      return;
    }
    const p = this.pending.get(ev.data);
    if (!p) return;
    this.settle(p);
    this.timeouts++;
    const sim = this.sim;
    sim.emit({ type: 'lb.timeout', t: sim.now, node: this.id, replica: p.replica.link.to.id, msg: p.msg, afterMs: sim.now - p.sentAt });
    this.outcome(p.replica, false);
    // The request may still be out there: it is wasted work now, and the caller's to retry as a new copy.
    if (!p.handedOver && p.msg.state !== 'dropped' && p.msg.state !== 'done') sim.drop(this, p.msg, 'upstream timeout');
    sim.signal(this, p.from, 'response', p.msg, { status: 504, ok: false, error: 'upstream request timeout' });
  }

  private settle(p: Pending): void {
    this.pending.delete(p.msg.id);
    p.replica.outstanding--;
    this.setBacklog(this.pending.size);
  }

  /** Counts an answer for outlier detection, and ejects the replica past the threshold. */
  private outcome(r: Replica, ok: boolean): void {
    if (ok) {
      r.ok++;
      r.consecutive = 0;
      return;
    }
    r.failed++;
    r.consecutive++;
    const od = this.config.outlierDetection;
    if (!od || r.ejectedUntil !== undefined || r.consecutive < od.consecutive5xx) return;
    const ejected = this.replicas.filter((x) => x.ejectedUntil !== undefined).length;
    const allowed = Math.max(1, Math.floor((this.replicas.length * od.maxEjectionPercent) / 100));
    if (ejected >= allowed) return;
    r.ejections++;
    const sim = this.sim;
    r.ejectedUntil = sim.now + Math.min(od.baseEjectionTimeMs * r.ejections, Math.max(od.baseEjectionTimeMs, od.maxEjectionTimeMs));
    r.consecutive = 0;
    sim.emit({ type: 'lb.ejected', t: sim.now, node: this.id, replica: r.link.to.id, failures: od.consecutive5xx, untilT: r.ejectedUntil, ejections: r.ejections });
    this.sweep ??= sim.scheduler.schedule(od.intervalMs, this, SWEEP);
  }

  /** The sweep: replicas whose ejection is over return; another sweep follows while any stays out. */
  private returnReplicas(): void {
    const sim = this.sim;
    let still = false;
    for (const r of this.replicas) {
      if (r.ejectedUntil === undefined) continue;
      if (r.ejectedUntil <= sim.now) {
        r.ejectedUntil = undefined;
        sim.emit({ type: 'lb.returned', t: sim.now, node: this.id, replica: r.link.to.id });
      } else {
        still = true;
      }
    }
    const od = this.config.outlierDetection;
    if (still && od) this.sweep = sim.scheduler.schedule(od.intervalMs, this, SWEEP);
  }

  protected override onlineChanged(): void {
    if (this.online) return;
    // The proxy died: its connections reset, callers learn at once; what it had sent on is lost to them.
    for (const p of [...this.pending.values()]) {
      this.settle(p);
      this.sim.scheduler.cancel(p.timer);
      if (!p.handedOver && p.msg.state !== 'dropped' && p.msg.state !== 'done') this.sim.drop(this, p.msg, 'load balancer went offline');
      this.sim.signal(this, p.from, 'response', p.msg, { status: 0, ok: false, error: 'connection reset' });
    }
  }

  override stats(): LoadBalancerStats {
    const replicas: Record<string, ReplicaStats> = {};
    for (const r of this.replicas) {
      replicas[r.link.to.id] = {
        sent: r.sent, outstanding: r.outstanding, ok: r.ok, failed: r.failed, ejected: r.ejectedUntil !== undefined, ejections: r.ejections,
      };
    }
    return {
      ...super.stats(), forwarded: this.forwarded, inFlight: this.pending.size, noUpstream: this.noUpstream, timeouts: this.timeouts, replicas,
    };
  }
}
