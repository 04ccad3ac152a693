import { phrase, type Lang, type ScenarioIssue } from './engine/errors';
import { base64Decode } from './models/webhook/webhook-signature';

/**
 * Checks of one node's config that its zod schema cannot express. Paths are relative to the
 * node (`secret`); the caller prefixes where the node is. Used for scenario files and for
 * settings patches alike, so both refuse the same configs.
 */
export function nodeIssues(config: { kind: string } & Record<string, unknown>, lang: Lang): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  // Svix signs with the bytes the base64 after "whsec_" stands for: a secret that is not
  // base64 cannot sign anything (Svix rejects it when the endpoint is created).
  if (config.signature === 'svix' && typeof config.secret === 'string') {
    const secret = config.secret;
    try {
      base64Decode(secret.startsWith('whsec_') ? secret.slice(6) : secret);
    } catch (e) {
      issues.push({ path: 'secret', message: phrase(lang, 'badSecret', { detail: (e as Error).message }) });
    }
  }
  // `x-delivery-limit` is a quorum queue feature (RabbitMQ docs, quorum-queues "Poison Message
  // Handling"; SEMANTICS.md row "Quorum delivery-limit"); a classic queue has no delivery count to limit.
  if (config.kind === 'queue' && config.queueType !== 'quorum' && config.deliveryLimit !== undefined) {
    issues.push({ path: 'deliveryLimit', message: phrase(lang, 'deliveryLimitClassic') });
  }
  // `reject-publish-dlx` is for classic queues only (RMQ/maxlength; SEMANTICS row "Max length").
  if (config.kind === 'queue' && config.queueType === 'quorum' && config.overflow === 'reject-publish-dlx') {
    issues.push({ path: 'overflow', message: phrase(lang, 'rejectPublishDlxQuorum') });
  }
  // A choreography participant reacts to each event one way, and a refusal publishes an event.
  if (config.kind === 'choreography-participant' && Array.isArray(config.reactions)) {
    const seen = new Set<string>();
    (config.reactions as { on: string; rejectWith?: string; rejectProbability?: number }[]).forEach((r, j) => {
      if (seen.has(r.on)) issues.push({ path: `reactions[${j}].on`, message: phrase(lang, 'reactionTwice', { on: r.on }) });
      seen.add(r.on);
      if ((r.rejectProbability ?? 0) > 0 && r.rejectWith === undefined) {
        issues.push({ path: `reactions[${j}].rejectWith`, message: phrase(lang, 'refusalWithoutEvent') });
      }
    });
  }
  return issues;
}

/**
 * The node checks for a whole scenario, located by node: each node's own, and a receiver's
 * secret, which it registers with its senders, must suit a Svix sender as well.
 */
export function scenarioNodeIssues(
  nodes: readonly ({ id: string; kind: string } & Record<string, unknown>)[],
  lang: Lang,
  where: (index: number) => string,
): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const svixSender = nodes.some((n) => n.kind === 'webhook-sender' && n.signature === 'svix');
  nodes.forEach((n, i) => {
    const own = nodeIssues(svixSender && n.kind === 'webhook-receiver' ? { ...n, signature: 'svix' } : n, lang);
    for (const issue of own) issues.push({ path: `${where(i)}.${issue.path}`, message: issue.message });
  });
  return issues;
}
