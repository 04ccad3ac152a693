import { describe, expect, it } from 'vitest';
import { targetStyle } from './motionLazy';
import { cssOf } from './motionPlay';
import { keyframesBetween } from './motionRun';

// Before motion arrives an element is drawn at its `animate` target: the look it settles on.
describe('targetStyle', () => {
  it('draws the settled state: opacity, size, colour and filter as CSS', () => {
    expect(targetStyle({ opacity: 0.78, width: '40%', color: '#0f172a', filter: 'grayscale(0.9)' })).toEqual({
      opacity: 0.78,
      width: '40%',
      color: '#0f172a',
      filter: 'grayscale(0.9)',
    });
  });

  it('leaves out identity transforms and writes the others as one transform', () => {
    expect(targetStyle({ opacity: 1, y: 0, scale: 1 })).toEqual({ opacity: 1 });
    expect(targetStyle({ x: 4, scale: 1.2 })).toEqual({ transform: 'translateX(4px) scale(1.2)' });
  });

  it('takes the last keyframe and ignores the transition', () => {
    expect(targetStyle({ opacity: [0, 0.5, 1], transition: { duration: 1 } })).toEqual({ opacity: 1 });
  });

  it('gives nothing for a missing target or a variant name', () => {
    expect(targetStyle(undefined)).toEqual({});
    expect(targetStyle('visible')).toEqual({});
  });
});

// A change animates from the target drawn before to the new one, property by property.
describe('keyframesBetween', () => {
  it('pairs each property of the new target with its value in the old one', () => {
    expect(keyframesBetween({ opacity: 1, filter: 'grayscale(0)' }, { opacity: 0.78, filter: 'grayscale(0.9)' })).toEqual({
      opacity: [1, 0.78],
      filter: ['grayscale(0)', 'grayscale(0.9)'],
    });
  });

  it('animates transforms as one transform, from or to rest as `none`', () => {
    expect(keyframesBetween({ opacity: 0, y: -6 }, { opacity: 1, y: 0 })).toEqual({ opacity: [0, 1], transform: ['translateY(-6px)', 'none'] });
    expect(keyframesBetween({ scale: 1 }, { scale: 0.6, opacity: 0 })).toEqual({ transform: ['none', 'scale(0.6)'], opacity: [null, 0] });
  });

  it('leaves the start to the element where there is none (an exit, or an interrupted animation)', () => {
    expect(keyframesBetween(null, { width: 0, opacity: 0 })).toEqual({ width: [null, 0], opacity: [null, 0] });
  });
});

describe('cssOf', () => {
  it('keeps a resting transform as `none` for animating, but not in the element style', () => {
    expect(cssOf({ x: 0, scale: 1 })).toEqual({ transform: 'none' });
    expect(targetStyle({ x: 0, scale: 1 })).toEqual({});
  });
});
