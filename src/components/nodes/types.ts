import type { Node } from '@xyflow/react';
import type { ComponentType } from 'react';
import type { Lang } from '../../sim/engine/errors';
import type { NodeConfig } from '../../sim/engine/scenario';

/** What the card shell needs to know of a node's kind: its name, icon, colour and which controls it has. */
export interface CardFacts {
  /** The kind's name in both languages ("Kafka topic", "tópico de Kafka"). */
  name: Readonly<Record<Lang, string>>;
  /** Its small line icon (decorative). */
  icon: ComponentType;
  /** Colour family of its card. */
  accent: 'producer' | 'broker' | 'service' | 'other';
  /** A service: it can be taken offline (an online switch on its card and in the inspector). */
  online: boolean;
  /** Its work has a service time, so slow mode means something. */
  slow: boolean;
}

/** What a canvas node carries: its scenario config and its kind's card facts. Live figures come from the store, by id. */
export type SimNodeData = { config: NodeConfig; ui: CardFacts };

/** A React Flow node of the simulated system. */
export type SimFlowNode = Node<SimNodeData>;
