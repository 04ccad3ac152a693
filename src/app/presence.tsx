import {
  Children,
  createContext,
  isValidElement,
  useCallback,
  useContext,
  useMemo,
  useState,
  type Key,
  type ReactElement,
  type ReactNode,
} from 'react';

/** What a Presence tells the element it wraps: whether to play its entrance, and whether it is leaving. */
export interface PresenceState {
  /** False for an element that was there when its Presence first drew with `initial={false}`. */
  initial: boolean;
  /** True once the element has left its Presence's children: it plays its exit, then calls `exited`. */
  exiting: boolean;
  exited: () => void;
}

/** Set by a Presence for each child; an animated element reads it (usePresence) and hides it from its own insides. */
export const PresenceContext = createContext<PresenceState | null>(null);

/** The Presence state of the nearest animated element's own child, or null outside any. */
export const usePresence = (): PresenceState | null => useContext(PresenceContext);

/** Props of Presence: motion's AnimatePresence's, as far as the app uses them. */
export interface PresenceProps {
  children?: ReactNode;
  /** False: the children there on the first draw do not play their entrance. */
  initial?: boolean;
  /** `wait`: a new child appears only once the leaving one has finished its exit. */
  mode?: 'sync' | 'wait';
}

type Keyed = ReactElement & { key: Key };

const keyed = (children: ReactNode): Keyed[] => Children.toArray(children).filter((c): c is Keyed => isValidElement(c) && c.key !== null);

/**
 * motion's AnimatePresence for the animated elements of motionLazy.tsx: a child that leaves
 * (by key) stays drawn, where it was, until its exit animation ends. Our own because the
 * elements animate through motion's `animate` on the DOM, not through motion's React components
 * (see motionLazy.tsx).
 */
export function Presence({ children, initial = true, mode = 'sync' }: PresenceProps) {
  const present = keyed(children);
  const presentKeys = new Set(present.map((c) => c.key));
  // `initial={false}` holds for the children of the first draw while they stay: one that leaves and comes back enters as any other.
  const [firstKeys, setFirstKeys] = useState<ReadonlySet<string>>(() => new Set(initial ? [] : present.map((c) => c.key)));
  if ([...firstKeys].some((k) => !presentKeys.has(k))) setFirstKeys(new Set([...firstKeys].filter((k) => presentKeys.has(k))));
  /** What the last render drew, leaving children included, in order. */
  const [drawn, setDrawn] = useState<Keyed[]>(present);
  /** Leaving children whose exit has ended: dropped from this render on. */
  const [finished, setFinished] = useState<ReadonlySet<Key>>(NONE);

  const leaving = drawn.filter((c) => !presentKeys.has(c.key) && !finished.has(c.key));
  let shown: Keyed[];
  if (mode === 'wait' && leaving.length > 0) shown = leaving;
  else {
    shown = [...present];
    // A leaving child keeps its place among the others.
    for (const child of leaving) shown.splice(Math.min(drawn.indexOf(child), shown.length), 0, child);
  }
  // React's "state from the previous render" pattern: it draws again at once, before committing.
  // (Children.toArray copies each element, props and all, so elements are compared by key and props.)
  if (shown.length !== drawn.length || shown.some((c, i) => c.key !== drawn[i]?.key || c.props !== drawn[i]?.props)) setDrawn(shown);
  if (finished.size > 0) setFinished(NONE);

  const exited = useCallback((key: Key) => setFinished((done) => new Set(done).add(key)), []);

  return shown.map((child) => (
    <PresenceChild key={child.key} id={child.key} initial={!firstKeys.has(child.key)} exiting={!presentKeys.has(child.key)} exited={exited}>
      {child}
    </PresenceChild>
  ));
}

const NONE: ReadonlySet<Key> = new Set();

function PresenceChild({ id, initial, exiting, exited, children }: { id: Key; initial: boolean; exiting: boolean; exited: (key: Key) => void; children: ReactNode }) {
  const state = useMemo(() => ({ initial, exiting, exited: () => exited(id) }), [id, initial, exiting, exited]);
  return <PresenceContext.Provider value={state}>{children}</PresenceContext.Provider>;
}
