import type { AnimatePresenceProps, HTMLMotionProps, TargetAndTransition } from 'motion/react';
import { createElement, type CSSProperties, type ReactNode, useState, useSyncExternalStore } from 'react';

/**
 * Motion without motion on the first load (issue #13). Components use `M.div`, `M.span`,
 * `M.section` and `Presence` from here instead of motion's `m.*` and `AnimatePresence`. Until
 * motion arrives (motionCore.tsx, imported once the first screen has mounted) they render plain
 * elements showing their `animate` target, so nothing animates on the first frame; then they
 * re-render with motion's components. An element that was already on screen keeps its look
 * (motion mounts it with `initial={false}`), so the swap itself is invisible; later changes animate.
 */

type Parts = typeof import('./motionCore').motionParts;

let parts: Parts | null = null;
let requested = false;
/** True while the tree re-renders onto motion: what mounts then (a swapped parent's children) was on screen already. */
let swapping = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!requested) {
    requested = true;
    void import('./motionCore').then((mod) => {
      parts = mod.motionParts;
      swapping = true;
      for (const l of listeners) l();
      setTimeout(() => (swapping = false), 100);
    });
  }
  return () => listeners.delete(listener);
}

/** Motion's parts once loaded, else null (also while hydrating server-rendered HTML). */
function useMotionParts(): Parts | null {
  return useSyncExternalStore(
    subscribe,
    () => parts,
    () => null,
  );
}

const TRANSFORMS: Record<string, (v: string | number) => string> = {
  x: (v) => `translateX(${typeof v === 'number' ? `${v}px` : v})`,
  y: (v) => `translateY(${typeof v === 'number' ? `${v}px` : v})`,
  scale: (v) => `scale(${v})`,
};

/** The CSS of a motion target's final values (keyframe lists: their last), for the plain element. */
export function targetStyle(target: unknown): CSSProperties {
  if (!target || typeof target !== 'object') return {};
  const style: Record<string, string | number> = {};
  const transforms: string[] = [];
  for (const [key, raw] of Object.entries(target as TargetAndTransition)) {
    if (key === 'transition' || key === 'transitionEnd') continue;
    const value: unknown = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const transform = TRANSFORMS[key];
    if (transform) {
      const identity = key === 'scale' ? value === 1 : value === 0;
      if (!identity) transforms.push(transform(value));
    } else style[key] = value;
  }
  if (transforms.length > 0) style.transform = transforms.join(' ');
  return style;
}

type Tag = 'div' | 'span' | 'section';

function lazyElement<T extends Tag>(tag: T) {
  function LazyElement(props: HTMLMotionProps<T>) {
    const loaded = useMotionParts();
    // On screen before motion arrived: motion takes over without replaying the entrance.
    const [mountedPlain] = useState(() => loaded === null || swapping);
    if (loaded) {
      const Motion = loaded[tag] as (p: HTMLMotionProps<T>) => ReactNode;
      return mountedPlain ? <Motion {...props} initial={false} /> : <Motion {...props} />;
    }
    const { initial: _i, animate, exit: _e, transition: _t, style, ...rest } = props as HTMLMotionProps<T> & { style?: CSSProperties };
    return createElement(tag, { ...rest, style: { ...(style as CSSProperties), ...targetStyle(animate) } });
  }
  LazyElement.displayName = `M.${tag}`;
  return LazyElement;
}

/** Drop-ins for motion's `m.div`, `m.span`, `m.section`. */
export const M = { div: lazyElement('div'), span: lazyElement('span'), section: lazyElement('section') };

/** Drop-in for motion's AnimatePresence: its children as they are until motion arrives. */
export function Presence(props: AnimatePresenceProps & { children?: ReactNode }) {
  const loaded = useMotionParts();
  const [mountedPlain] = useState(() => loaded === null || swapping);
  if (!loaded) return <>{props.children}</>;
  const { AnimatePresence } = loaded;
  return mountedPlain ? <AnimatePresence {...props} initial={false} /> : <AnimatePresence {...props} />;
}
