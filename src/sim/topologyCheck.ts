import { phrase, type Lang, type ScenarioIssue } from './engine/errors';

/** Kinds that pass a message on without processing it: a cycle made only of them never ends. */
const FORWARDERS = new Set(['queue', 'exchange', 'topic', 'pubsub-topic', 'subscription']);
/** Kinds that call the nodes they link to for every request they get. */
const CALLERS = new Set(['rest-client', 'rest-service', 'load-balancer']);

interface NodeLike {
  id: string;
  kind: string;
  [field: string]: unknown;
}

/**
 * Refuses topologies whose messages go round forever, found in linear time (Tarjan's strongly
 * connected components) and named node by node:
 * - forwarders only (queue → queue, exchange → exchange → exchange): a message bounces or
 *   multiplies with nothing to consume it. Dead-letter and alternate-exchange links are left
 *   out: RabbitMQ drops a message that dead-letters round a cycle without a rejection (RMQ/dlx),
 *   and that is modelled, and the delayed-retry pattern (TTL + dead-letter back) makes progress.
 * - REST callers only (A calls B, B calls A): each request calls itself again before it can
 *   answer. HTTP itself has no hop limit for this (Max-Forwards is for TRACE and OPTIONS only,
 *   RFC 9110 §7.6.2); CDNs detect such loops with a header of their own (RFC 8586, CDN-Loop).
 */
export function cycleIssues(nodes: readonly NodeLike[], links: readonly { from: string; to: string }[], lang: Lang): ScenarioIssue[] {
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n.id, i));
  const issues: ScenarioIssue[] = [];
  for (const [members, key] of [[FORWARDERS, 'cycle'], [CALLERS, 'callCycle']] as const) {
    const adjacency: number[][] = nodes.map(() => []);
    for (const l of links) {
      const a = index.get(l.from);
      const b = index.get(l.to);
      if (a === undefined || b === undefined) continue;
      const from = nodes[a]!;
      if (!members.has(from.kind) || !members.has(nodes[b]!.kind)) continue;
      if (from.deadLetterExchange === l.to || from.alternateExchange === l.to) continue;
      if (from.kind === 'subscription' && nodes[b]!.kind === 'pubsub-topic') continue;
      adjacency[a]!.push(b);
    }
    for (const component of stronglyConnected(adjacency)) {
      if (component.length < 2) continue;
      const first = Math.min(...component);
      const cycle = component.map((i) => nodes[i]!.id).join(' → ');
      issues.push({ path: `nodes[${first}] ("${nodes[first]!.id}")`, message: phrase(lang, key, { cycle }) });
    }
  }
  return issues;
}

/** Tarjan's algorithm, iterative (a long chain must not overflow the stack). Components in discovery order. */
export function stronglyConnected(adjacency: readonly number[][]): number[][] {
  const n = adjacency.length;
  const order = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      const next = adjacency[v]!;
      if (i < next.length) {
        frame[1]++;
        const w = next[i]!;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, order[w]!);
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === order[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          component.push(w);
        } while (w !== v);
        out.push(component.reverse());
      }
    }
  }
  return out;
}
