import type { CSSProperties } from 'react';

/**
 * What the animated elements of motionLazy.tsx animate, as CSS: their targets' types, and the
 * style of a target. The animations themselves are in motionRun.ts, loaded after the first screen.
 */

/** One animated value: a number (px for sizes and x/y), a CSS string, or keyframes (the last one is the target). */
export type Value = string | number;
/** What an element animates to (or from): opacity, x, y, scale, and CSS properties such as width, height, left, color, filter. */
export type Target = Record<string, Value | readonly Value[]>;
/** How a change animates: seconds and one of motion's named eases. */
export interface Transition {
  duration?: number;
  delay?: number;
  ease?: 'linear' | 'easeIn' | 'easeOut' | 'easeInOut';
}

const TRANSFORMS: Record<string, (v: Value) => string> = {
  x: (v) => `translateX(${typeof v === 'number' ? `${v}px` : v})`,
  y: (v) => `translateY(${typeof v === 'number' ? `${v}px` : v})`,
  scale: (v) => `scale(${v})`,
};

const last = (raw: unknown): unknown => (Array.isArray(raw) ? raw[raw.length - 1] : raw);

/**
 * A target's final values as CSS properties: x, y and scale become one `transform` (`none` when
 * all are at rest), the rest stay as they are. `withIdentity` false leaves a resting transform out,
 * which is what the element's own style carries (and the page drawn at build time).
 */
export function cssOf(target: unknown, withIdentity = true): Record<string, Value> {
  if (!target || typeof target !== 'object') return {};
  const css: Record<string, Value> = {};
  const transforms: string[] = [];
  let hasTransform = false;
  for (const [key, raw] of Object.entries(target)) {
    if (key === 'transition' || key === 'transitionEnd') continue;
    const value = last(raw);
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const transform = TRANSFORMS[key];
    if (!transform) {
      css[key] = value;
      continue;
    }
    hasTransform = true;
    const identity = key === 'scale' ? value === 1 : value === 0;
    if (!identity) transforms.push(transform(value));
  }
  if (transforms.length > 0) css.transform = transforms.join(' ');
  else if (hasTransform && withIdentity) css.transform = 'none';
  return css;
}

/** The CSS of a target's final values (keyframe lists: their last), as an element's style: what it looks like at rest. */
export function targetStyle(target: unknown): CSSProperties {
  return cssOf(target, false) as CSSProperties;
}
