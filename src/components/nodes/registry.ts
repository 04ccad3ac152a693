import type { NodeTypes } from '@xyflow/react';
import { KIND_UIS, kindUi } from '../models/catalog';
import { GenericNode } from './GenericNode';

/**
 * Node kind → card component, built from the UI catalog. Module scope, so React Flow sees the
 * same object every render. Kinds with no card of their own draw as `generic`, which lists
 * whatever `stats()` reports.
 */
export const nodeTypes: NodeTypes = {
  ...Object.fromEntries(KIND_UIS.flatMap((k) => (k.card === 'generic' ? [] : [[k.kind, k.card]]))),
  generic: GenericNode,
};

/** The React Flow node type that draws `kind`. */
export function nodeTypeFor(kind: string): string {
  return kindUi(kind).card === 'generic' ? 'generic' : kind;
}
