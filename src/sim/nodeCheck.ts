import { phrase, type Lang, type ScenarioIssue } from './errors';
import { base64Decode } from './models/webhook-signature';

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
  return issues;
}
