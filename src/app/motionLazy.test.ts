import { describe, expect, it } from 'vitest';
import { targetStyle } from './motionLazy';

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
