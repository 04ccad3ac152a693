import { z } from 'zod';
import type { Lang, ScenarioIssue } from './errors';
import { textSchema } from './kind';
import { lazySchema } from './lazySchema';

/** A link named by its two ends, as a tour step highlights it. */
const linkRefSchema = lazySchema(() => z.object({ from: z.string(), to: z.string() }).strict());

/**
 * When a step stops running and pauses: at a simulated time, some time after the step
 * starts, or at the first moment a condition holds (a node's figure passes a value, or the
 * first trace event of a type, such as the first dead letter).
 */
export const tourPauseSchema = lazySchema(() => z.discriminatedUnion('until', [
  /** At this simulated time (ms since the start of the run). */
  z.object({ until: z.literal('time'), ms: z.number().nonnegative() }).strict(),
  /** This many simulated ms after the step starts. */
  z.object({ until: z.literal('elapsed'), ms: z.number().positive() }).strict(),
  /** As soon as `node`'s figure `stat` (a path in its live figures, such as "backlog.now" or "processed") is above `above`. */
  z.object({ until: z.literal('stat'), node: z.string(), stat: z.string().regex(/^[A-Za-z]+(\.[A-Za-z]+)*$/), above: z.number() }).strict(),
  /** As soon as a trace event of this type happens (at `node`, when given): "message.dead_lettered" is the first dead letter. */
  z.object({ until: z.literal('event'), event: z.string().regex(/^[a-z]+(\.[a-z_]+)+$/), node: z.string().optional() }).strict(),
]));

/** A step's pause condition as parsed. */
export type TourPause = z.infer<typeof tourPauseSchema>;

/** What the learner is asked to do; the step advances once they have done it (a switch flipped, a setting changed). */
export const tourWaitSchema = lazySchema(() => z.discriminatedUnion('do', [
  z.object({ do: z.literal('offline'), node: z.string() }).strict(),
  z.object({ do: z.literal('online'), node: z.string() }).strict(),
  z.object({ do: z.literal('slow'), node: z.string() }).strict(),
  /**
   * Any change of `node`'s settings, or of the one named `field`; with `value`, only setting that
   * field to that value counts (the policy switched to "round-robin", a flag turned on).
   */
  z.object({ do: z.literal('configure'), node: z.string(), field: z.string().optional(), value: z.union([z.string(), z.number(), z.boolean()]).optional() }).strict(),
]));

/** A learner action a step waits for, as parsed. */
export type TourWait = z.infer<typeof tourWaitSchema>;

/**
 * Something the tour does itself when a step starts (a service restarted, protection switched
 * on), recorded like a learner's action, so Back, a share link and a replay reproduce it.
 */
export const tourApplySchema = lazySchema(() => z.discriminatedUnion('do', [
  z.object({ do: z.literal('offline'), node: z.string() }).strict(),
  z.object({ do: z.literal('online'), node: z.string() }).strict(),
  z.object({ do: z.literal('slow'), node: z.string(), factor: z.number().positive() }).strict(),
  /** New settings for `node`, checked against its kind's schema like a scenario action's. */
  z.object({ do: z.literal('configure'), node: z.string(), patch: z.record(z.string(), z.unknown()) }).strict(),
]));

/** An action a step takes itself, as parsed. */
export type TourApply = z.infer<typeof tourApplySchema>;

/** One step of a guided tour. */
export const tourStepSchema = lazySchema(() => z
  .object({
    /** A short heading for the step. */
    title: textSchema.optional(),
    /** What to look at, in both languages. */
    text: textSchema,
    /** The nodes and links the step points at. */
    highlight: z
      .object({ nodes: z.array(z.string()).default([]), links: z.array(linkRefSchema).default([]) })
      .strict()
      .default({ nodes: [], links: [] }),
    /** Actions the tour takes itself as the step starts, in order, before it runs to its moment. */
    apply: z.array(tourApplySchema).min(1).max(12).optional(),
    /** Run the simulation from where the step starts, and pause at this moment. */
    run: tourPauseSchema.optional(),
    /** Wait for the learner to do this before going on. */
    waitFor: tourWaitSchema.optional(),
  })
  .strict());

/** A tour step as parsed. */
export type TourStep = z.infer<typeof tourStepSchema>;

/** A guided tour: ordered steps that pace the learner through a scenario. */
export const tourSchema = lazySchema(() => z
  .object({
    steps: z.array(tourStepSchema).min(1).max(30),
  })
  .strict());

/** A tour as parsed. */
export type Tour = z.infer<typeof tourSchema>;

const MESSAGES = {
  unknownNode: { en: 'There is no node with id "{id}"', es: 'No hay ningún nodo con id "{id}"' },
  unknownLink: { en: 'There is no link from "{from}" to "{to}"', es: 'No hay ningún enlace de "{from}" a "{to}"' },
} as const;

function say(lang: Lang, key: keyof typeof MESSAGES, params: Record<string, string>): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/**
 * The tour's references to the scenario: every node and link it highlights, runs to, waits
 * for or acts on must exist. Each problem is located (`tour.steps[2].highlight.nodes[0]`).
 */
export function tourReferences(
  tour: Tour | undefined,
  nodes: ReadonlySet<string>,
  links: ReadonlySet<string>,
  lang: Lang,
): ScenarioIssue[] {
  if (!tour) return [];
  const issues: ScenarioIssue[] = [];
  const node = (id: string, path: string) => {
    if (!nodes.has(id)) issues.push({ path, message: say(lang, 'unknownNode', { id }) });
  };
  tour.steps.forEach((step, i) => {
    const at = `tour.steps[${i}]`;
    step.highlight.nodes.forEach((id, j) => node(id, `${at}.highlight.nodes[${j}]`));
    step.highlight.links.forEach((l, j) => {
      if (!links.has(linkKey(l.from, l.to))) {
        issues.push({ path: `${at}.highlight.links[${j}]`, message: say(lang, 'unknownLink', { from: l.from, to: l.to }) });
      }
    });
    if (step.run && 'node' in step.run && step.run.node !== undefined) node(step.run.node, `${at}.run.node`);
    if (step.waitFor) node(step.waitFor.node, `${at}.waitFor.node`);
    step.apply?.forEach((a, j) => node(a.node, `${at}.apply[${j}].node`));
  });
  return issues;
}

/** The key a link is known by in `tourReferences`' set of links. */
export function linkKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}
