import { createElement, useLayoutEffect, useRef, type ComponentPropsWithoutRef, type CSSProperties } from 'react';
import { hydrated } from '../Hydrated';
import { whenIdle } from './idle';
import { targetStyle, type Target, type Transition } from './motionPlay';
import { PresenceContext, usePresence } from './presence';

/**
 * Animated elements without motion's React layer (issue #13). Components use `M.div`, `M.span`,
 * `M.section` and `Presence` from here, with motion's props (`initial`, `animate`, `exit`,
 * `transition`). Each is the plain element, drawn at its `animate` target by its style (so the
 * page drawn at build time and hydration need nothing more); a change of target, an entrance and
 * an exit run motion's `animate` (motion/mini, motionPlay.ts) on that element.
 *
 * Why not motion's `m.*` and AnimatePresence: they are 29 KB gzipped, too much for the first load,
 * so they came later, and swapping a plain element for motion's component mounted its insides
 * again (a card, the narration: the longest tasks after hydration on a slow phone, and a focused
 * switch inside a card lost focus). Here nothing is ever swapped. Motion itself arrives when the
 * browser is idle after hydration; until then, and for a reader who asked for reduced motion,
 * changes apply at once.
 */

export { Presence } from './presence';
export { targetStyle } from './motionPlay';

type Run = typeof import('./motionRun').play;

let run: Run | null = null;
let loading: Promise<void> | null = null;

/** Loads motion (motionRun.ts) once; later calls return the same promise. */
function loadMotion(): Promise<void> {
  loading ??= import('./motionRun').then((mod) => {
    run = mod.play;
  });
  return loading;
}

/**
 * motionRun's `play`: animates `el` from `from` (null: from where it is now) to `to`, then calls
 * `done`. Before motion has arrived (it is requested then), nothing runs and `done` is called at
 * once: the element shows `to` already, by its style.
 */
function play(el: HTMLElement, from: Target | null, to: Target, transition: Transition | undefined, done?: () => void): void {
  if (run) run(el, from, to, transition, done);
  else {
    void loadMotion();
    done?.();
  }
}

/** Whether the page is React's: an element mounting before (hydrated from the build-time HTML) is on screen already, so plays no entrance. */
let pageSettled = false;
void hydrated.then(() => {
  pageSettled = true;
  void whenIdle(2000).then(loadMotion);
});

type Tag = 'div' | 'span' | 'section';

/** Props of an animated element: its tag's, plus motion's animation props as the app uses them. */
export type AnimatedProps<T extends Tag> = Omit<ComponentPropsWithoutRef<T>, 'style'> & {
  /** Where the entrance starts; false or absent: no entrance. */
  initial?: Target | false;
  animate: Target;
  /** Where the exit ends, when the element leaves a Presence. */
  exit?: Target;
  transition?: Transition;
  style?: CSSProperties;
};

function animated<T extends Tag>(tag: T) {
  function Animated({ initial, animate, exit, transition, style, children, ...rest }: AnimatedProps<T>) {
    const ref = useRef<HTMLElement>(null);
    const presence = usePresence();
    const key = JSON.stringify(animate);
    /** The target drawn by the last commit, and its JSON. */
    const shown = useRef<{ key: string; target: Target } | null>(null);

    // Mount: the entrance, unless the element was on screen already or its Presence says no.
    // Only on mount; later targets are the next effect's.
    useLayoutEffect(() => {
      const el = ref.current;
      if (el && pageSettled && initial && presence?.initial !== false) play(el, initial, animate, transition);
      // eslint-disable-next-line react-hooks/exhaustive-deps -- mount only
    }, []);

    // A new target: from the last one (React has drawn the new one already), or, when an
    // animation is running, from where it has got to.
    useLayoutEffect(() => {
      const el = ref.current;
      const before = shown.current;
      shown.current = { key, target: animate };
      if (!el || !before || before.key === key) return;
      play(el, el.getAnimations().length > 0 ? null : before.target, animate, transition);
      // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `animate`'s content
    }, [key]);

    // Leaving its Presence: the exit, then the Presence drops it. Back before the exit ended:
    // from where the exit got to, to the target again.
    const exiting = presence?.exiting ?? false;
    const wasExiting = useRef(false);
    useLayoutEffect(() => {
      const el = ref.current;
      if (!exiting) {
        if (el && wasExiting.current) play(el, null, animate, transition);
        wasExiting.current = false;
        return;
      }
      wasExiting.current = true;
      if (!el || !exit) presence?.exited();
      else play(el, null, exit, transition, presence?.exited);
      // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when `exiting` flips
    }, [exiting]);

    // The insides are not the Presence's child: a nested element does not play its parent's exit.
    return createElement(
      PresenceContext.Provider,
      { value: null },
      createElement(tag, { ...rest, ref, style: { ...style, ...targetStyle(animate) } }, children),
    );
  }
  Animated.displayName = `M.${tag}`;
  return Animated;
}

/** Drop-ins for motion's `m.div`, `m.span`, `m.section`. */
export const M = { div: animated('div'), span: animated('span'), section: animated('section') };
