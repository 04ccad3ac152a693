/**
 * The animation features the app's `m.*` components use (animate, exit, transitions: motion's
 * `domAnimation` set, no layout animations or drag). main.tsx loads this after the first
 * render through LazyMotion, so about 30 KB gzipped of motion stays out of the first load;
 * until it arrives, cards and panels show their start state without animating.
 */
export { domAnimation as default } from 'motion/react';
