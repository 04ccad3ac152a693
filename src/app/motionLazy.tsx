import type { AnimatePresenceProps, HTMLMotionProps, TargetAndTransition } from 'motion/react';
import { createElement, type CSSProperties, type ReactNode, useEffect, useState } from 'react';
import { hydrated } from '../Hydrated';

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
/** True while elements swap onto motion: what mounts then (a swapped parent's children) was on screen already. */
let swapping = false;
let swapEnd: ReturnType<typeof setTimeout> | undefined;
/** Elements still drawn plain, each with its swap. */
const listeners = new Set<() => void>();
/** Swaps waiting for their turn, one per task. */
const queue: (() => void)[] = [];

/** Waits for motion (importing it on the first call), then swaps `listener`'s element in its turn. */
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (parts) enqueue(listener);
  else if (!requested) {
    requested = true;
    void import('./motionCore').then((mod) => {
      parts = mod.motionParts;
      for (const l of listeners) enqueue(l);
    });
  }
  return () => listeners.delete(listener);
}

/**
 * Elements swap onto motion one per task: each swap mounts motion's component in place of the
 * plain element, and its insides again (a card, the narration), which all at once was one long
 * task on a slow phone. One that unmounted meanwhile is skipped.
 */
function enqueue(listener: () => void): void {
  swapping = true;
  clearTimeout(swapEnd);
  queue.push(listener);
  if (queue.length === 1) setTimeout(swapNext, 0);
}

function swapNext(): void {
  const next = queue.shift();
  if (next && listeners.has(next)) {
    listeners.delete(next);
    next();
  }
  if (queue.length > 0) setTimeout(swapNext, 0);
  else swapEnd = setTimeout(() => (swapping = false), 100);
}

/** Whether the page is React's (hydrated or first rendered): an element mounting from then on takes motion at once. */
let pageSettled = false;
void hydrated.then(() => (pageSettled = true));

/**
 * Motion's parts once this element's turn to swap has come, else null. An element on the first
 * screen (hydrated from the HTML drawn at build time, which is plain) starts plain even if motion
 * arrived meanwhile, and swaps in its turn, so that no swap lands in hydration's own tasks.
 */
function useMotionParts(): Parts | null {
  const [own, setOwn] = useState<Parts | null>(() => (pageSettled ? parts : null));
  useEffect(() => (own ? undefined : subscribe(() => setOwn(parts))), [own]);
  return own;
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
