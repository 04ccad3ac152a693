import { animate } from 'motion/mini';
import { cssOf, type Target, type Transition, type Value } from './motionPlay';

/**
 * The animations of motionLazy.tsx's elements: motion's `animate` from `motion/mini` (the Web
 * Animations API, 3 KB gzipped), in a chunk of its own that loads after the first screen. It runs
 * on the element React drew, so an animation never remounts anything.
 */

/**
 * The keyframes that take an element from `from` to `to`, per CSS property: `[from, to]`, or
 * `[null, to]` where there is no known start (motion then reads the element's current value).
 */
export function keyframesBetween(from: Target | null, to: Target): Record<string, [Value | null, Value]> {
  const start = from ? cssOf(from) : {};
  const frames: Record<string, [Value | null, Value]> = {};
  for (const [name, value] of Object.entries(cssOf(to))) frames[name] = [start[name] ?? null, value];
  return frames;
}

let reducedQuery: MediaQueryList | undefined;

/**
 * Animates `el` from `from` (null: from wherever it is now) to `to`, then calls `done`; for a
 * reader who asked for reduced motion, calls `done` at once (the element shows `to` already, by
 * its style). A size of `auto` is measured first and given back to the style when the animation ends.
 */
export function play(el: HTMLElement, from: Target | null, to: Target, transition: Transition | undefined, done?: () => void): void {
  // Made once; it follows later changes of the setting.
  reducedQuery ??= matchMedia('(prefers-reduced-motion: reduce)');
  // An element not drawn (display: none, as a Kafka card's lanes when the canvas is zoomed out) has nothing to show.
  if (reducedQuery.matches || !el.checkVisibility()) {
    done?.();
    return;
  }
  const frames = keyframesBetween(from, to);
  const autos: string[] = [];
  for (const size of ['height', 'width'] as const) {
    if (frames[size]?.[1] !== 'auto') continue;
    autos.push(size);
    // The style is `auto` already (React drew the target), so the element has its natural size now.
    frames[size][1] = `${size === 'height' ? el.offsetHeight : el.offsetWidth}px`;
  }
  const { duration = 0.3, delay, ease = 'easeOut' } = transition ?? {};
  let controls: ReturnType<typeof animate>;
  try {
    controls = animate(el, frames, { duration, delay, ease });
  } catch {
    // Interrupting an animation commits where it got to, which the browser refuses for an element
    // no longer rendered (hidden while its last animation ran). Nothing there to animate: its style
    // shows `to` once the old animations are gone.
    for (const running of el.getAnimations()) running.cancel();
    done?.();
    return;
  }
  void controls.then(() => {
    // motion leaves the last keyframe in the style: a measured size goes back to `auto`.
    for (const size of autos) el.style.setProperty(size, 'auto');
    done?.();
  });
}
