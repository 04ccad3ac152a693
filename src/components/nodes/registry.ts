import type { NodeProps, NodeTypes } from '@xyflow/react';
import { memo } from 'react';
import { KIND_UIS, kindUi } from '../models/catalog';
import type { CardComponent } from '../models/kindUi';
import { GenericNode } from './GenericNode';

type Card = NodeTypes[string];

/**
 * Every card draws from its `id` and `data` only. React Flow's other props (the measured size,
 * the absolute position, the z-index) change when it measures the cards and when a layout moves
 * them, which on the first load redrew every card's insides twice (after the cards were measured,
 * then laid out) in long tasks that nothing could split.
 */
const sameCard = (a: NodeProps, b: NodeProps) => a.id === b.id && a.data === b.data;
const card = (c: CardComponent): Card => memo(c, sameCard) as Card;

/**
 * Node kind → card component, built from the UI catalog. Module scope, so React Flow sees the
 * same object every render. Kinds with no card of their own draw as `generic`, which lists
 * whatever `stats()` reports.
 */
export const nodeTypes: NodeTypes = {
  ...Object.fromEntries(KIND_UIS.flatMap((k) => (k.card === 'generic' ? [] : [[k.kind, card(k.card)]]))),
  generic: card(GenericNode),
};

/** The React Flow node type that draws `kind`. */
export function nodeTypeFor(kind: string): string {
  return kindUi(kind).card === 'generic' ? 'generic' : kind;
}
