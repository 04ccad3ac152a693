import type { ComponentType } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { Lang } from '../../sim/engine/errors';
import type { Message } from '../../sim/engine/message';
import type { T } from '../../i18n/translate';
import type { NodeLive } from '../../store/slices/liveSlice';
import type { CardFacts, SimFlowNode } from '../nodes/types';

/** Text in both languages. */
export type Bilingual = Readonly<Record<Lang, string>>;

/** What a log entry is about, for the log's kind filter (the same families as the canvas legend). */
export const LOG_KINDS = ['event', 'request', 'response', 'ack', 'retry', 'failure', 'system'] as const;

/** One of LOG_KINDS. */
export type LogKind = (typeof LOG_KINDS)[number];

/** How a node id reads in sentences (its label in the current language). */
export type NameOf = (id: string) => string;

/** What a trace description may use: the language, the shared dictionary, node names and formatters. */
export interface Narrator {
  lang: Lang;
  t: T;
  name: NameOf;
  /** A message copy as "OrderPlaced #12". */
  msg(m: Message): string;
  /** A duration ("310 ms", "1.2 s"). */
  dur(ms: number): string;
  /** A simulated time on the clock ("0:01.234"). */
  clock(ms: number): string;
  /** Numbers as a list ("0, 2"), or "none". */
  list(xs: readonly number[]): string;
  /** An HTTP status, or "no connection" for 0. */
  status(code: number): string;
  /** A reason from the trace (why a message was dropped, requeued, …) in this language, node ids as labels. */
  reason(text: string): string;
}

/**
 * What the log classifier remembers of recent message copies: whether each last travelled as
 * a request (HTTP, webhook) or as an event. A copy's later steps have no channel of their own.
 */
export interface CopyMemory {
  remember(id: number, request: boolean): void;
  isRequest(id: number): boolean;
}

/** How the UI shows one trace type: a sentence in the current language, and its log kind. */
export interface TraceUi<E> {
  say(ev: E, n: Narrator): string;
  log: LogKind | ((ev: E, memory: CopyMemory) => LogKind);
}

/**
 * A table keyed by every `type` of a trace union: a trace type with no sentence or no log kind
 * does not compile.
 */
export type TraceTable<U extends { type: string }> = { readonly [K in U['type']]: TraceUi<Extract<U, { type: K }>> };

/** One line of the backlog chart, as a kind declares it. */
export interface ChartLine {
  /** What it measures: waiting messages, a Kafka group's lag, a webhook sender's pending retries. */
  measure: 'backlog' | 'lag' | 'pending';
  /** The Kafka consumer group, for a lag line. */
  group?: string;
  /** Its value now, from the node's messages waiting and its stats. */
  read(backlogNow: number, stats: () => NodeLive): number;
}

/** A React Flow card component. */
export type CardComponent = ComponentType<NodeProps<SimFlowNode>>;

/**
 * The UI side of one node kind: everything the interface knows about it, in one place. A kind
 * the catalog lacks still draws (generic card, its id as its name), but the completeness test
 * fails.
 */
export interface KindUi extends CardFacts {
  kind: string;
  /** Its own card, or 'generic': its stats as "name value" lines. */
  card: CardComponent | 'generic';
  /** A label for each scenario field of the kind (nested fields included), in both languages. */
  fields: Readonly<Record<string, Bilingual>>;
  /** Names of its live figures (stats fields) it adds to the shared ones. */
  figures?: Readonly<Record<string, Bilingual>>;
  /** Its lines in the backlog chart, from its stats when the run starts; none when absent. */
  chart?(first: NodeLive): ChartLine[];
}

/** A kind's UI descriptor as its family writes it; whether it has an online switch and slow mode comes from the engine's kind. */
export type KindUiSpec = Omit<KindUi, 'online' | 'slow'>;

/** A family of kinds (one folder): its kinds and how its trace types read. */
export interface FamilyUi<U extends { type: string }> {
  family: string;
  kinds: readonly KindUiSpec[];
  traces: TraceTable<U>;
}

/** Phrases of a family in both languages; the Spanish must have every English key. */
export interface Phrases<K extends string> {
  en: Readonly<Record<K, string>>;
  es: Readonly<Record<K, string>>;
}

/** The usual chart of a broker: one line, the messages waiting in it. */
export function backlogChart(): ChartLine[] {
  return [{ measure: 'backlog', read: (backlogNow) => backlogNow }];
}
