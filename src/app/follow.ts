import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/** "Follow one message": the publication followed and the links and nodes its copies have used so far. */
export interface FollowState {
  /** Root message id followed, or null. */
  root: number | null;
  /** Edge ids (`from->to`) its copies, retries, acks and dead letters have travelled. */
  edges: readonly string[];
  /** Nodes they passed through. */
  nodes: readonly string[];
}

/** The follow store (vanilla: the message layer reads it every frame without React). */
export const followStore = createStore<FollowState>()(() => ({ root: null, edges: [], nodes: [] }));

/** React hook on the follow store. */
export function useFollow<T>(pick: (s: FollowState) => T): T {
  return useStore(followStore, pick);
}

/** Adds one hop of the followed message (a no-op when already known). */
export function addFollowedHop(from: string, to: string): void {
  const s = followStore.getState();
  if (from === to) {
    if (!s.nodes.includes(from)) followStore.setState({ nodes: [...s.nodes, from] });
    return;
  }
  const id = `${from}->${to}`;
  const back = `${to}->${from}`;
  if (s.edges.includes(id) || s.edges.includes(back)) {
    if (s.nodes.includes(from) && s.nodes.includes(to)) return;
  }
  const edges = s.edges.includes(id) || s.edges.includes(back) ? s.edges : [...s.edges, id];
  const nodes = [...new Set([...s.nodes, from, to])];
  followStore.setState({ edges, nodes });
}

/**
 * What a click on a queue's chips does: follow the `index`-th message waiting in `node`. Set by
 * the message layer (which holds the message lives); the cards call it through here, so they
 * import nothing that imports the card catalog.
 */
export const followWaiting: { at: (node: string, index: number) => void } = { at: () => {} };
