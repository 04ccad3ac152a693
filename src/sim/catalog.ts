import { createCatalog, type AnyNodeKind, type NodeRole } from './engine/kind';
import { scenarioParser } from './engine/scenario';
import type { EngineTrace } from './engine/trace';
import { coreKinds, type CoreModelTrace } from './models/core';
import { delayKinds, type DelayTrace } from './models/delay';
import { httpKinds, type HttpTrace } from './models/http';
import { kafkaKinds, type KafkaTrace } from './models/kafka';
import { lbKinds, type LbTrace } from './models/lb';
import { pubsubKinds, type PubSubTrace } from './models/pubsub';
import { rabbitmqKinds, type RabbitmqTrace } from './models/rabbitmq';
import { webhookKinds, type WebhookTrace } from './models/webhook';
import { sagaKinds, type SagaTrace } from './models/saga';
import { COMMANDS } from './commands';
import { nodeIssues } from './nodeCheck';
import { semanticIssues } from './semanticCheck';

/**
 * Every node kind a scenario may use, family by family. Adding a kind is one line here (or
 * none, when its family's index already lists it); nothing else in the engine names a kind.
 */
export const KINDS = [...coreKinds, ...rabbitmqKinds, ...kafkaKinds, ...pubsubKinds, ...httpKinds, ...webhookKinds, ...delayKinds, ...lbKinds, ...sagaKinds] as const;

/** The trace events the model families add to the engine's. */
export type ModelTrace = CoreModelTrace | RabbitmqTrace | KafkaTrace | PubSubTrace | HttpTrace | WebhookTrace | DelayTrace | LbTrace | SagaTrace;

declare module './engine/trace' {
  // Fills the engine's open trace map, so `TraceEvent` (and `Simulation.emit`) covers every model.
  interface ModelTraces {
    catalog: ModelTrace;
  }
}

/** The one typed union of everything observable in a run: the engine's events and every model's. */
export type TraceEvent = EngineTrace | ModelTrace;

/** The name of a kind in the catalog. */
export type KindName = (typeof KINDS)[number]['kind'];

/** The kind definition called `K`. */
export type KindOf<K extends KindName> = Extract<(typeof KINDS)[number], { kind: K }>;

/** The figures `stats()` returns for a node of kind `K`. */
export type StatsOf<K extends KindName> = ReturnType<ReturnType<KindOf<K>['create']>['stats']>;

/** The catalog the app, the CLI and the bench run with. */
export const CATALOG = createCatalog(KINDS as readonly AnyNodeKind[], { commands: COMMANDS, check: nodeIssues });

/** The kind definition for `kind`, or undefined. */
export function nodeKind(kind: string): AnyNodeKind | undefined {
  return CATALOG.kind(kind);
}

/** The role of `kind` (undefined for an unknown kind). */
export function roleOf(kind: string): NodeRole | undefined {
  return CATALOG.kind(kind)?.role;
}

/** Whether the UI offers an online/offline switch for `kind`. */
export function hasOnlineSwitch(kind: string): boolean {
  const k = CATALOG.kind(kind);
  return k !== undefined && (k.onlineSwitch ?? k.role !== 'broker');
}

/** Whether slow mode applies to `kind`. */
export function isSlowable(kind: string): boolean {
  return CATALOG.kind(kind)?.slowable ?? false;
}

/** Scenario validation with this catalog's kinds (see engine/scenario.ts). */
export const { schema: scenarioSchema, parseScenario, parseScenarioText } = scenarioParser(CATALOG, semanticIssues(CATALOG));
