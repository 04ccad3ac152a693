import { AnimatePresence, domAnimation, LazyMotion, m } from 'motion/react';
import type { ComponentProps } from 'react';

/**
 * Motion itself, loaded by motionLazy.tsx after the first paint (about 30 KB gzipped kept out of
 * the first load). Each element carries its own LazyMotion with the animation features the app
 * uses (animate, exit, transitions: motion's `domAnimation`, no layout animations or drag), so
 * arriving later needs no provider above the app, which would remount it.
 */
function Div(props: ComponentProps<typeof m.div>) {
  return (
    <LazyMotion features={domAnimation}>
      <m.div {...props} />
    </LazyMotion>
  );
}

function Span(props: ComponentProps<typeof m.span>) {
  return (
    <LazyMotion features={domAnimation}>
      <m.span {...props} />
    </LazyMotion>
  );
}

function Section(props: ComponentProps<typeof m.section>) {
  return (
    <LazyMotion features={domAnimation}>
      <m.section {...props} />
    </LazyMotion>
  );
}

export const motionParts = { div: Div, span: Span, section: Section, AnimatePresence };
