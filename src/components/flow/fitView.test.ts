import { describe, expect, it } from 'vitest';
import { fitAbove } from './fitView';

describe('fitAbove (the view with the drawer open)', () => {
  // A wrapped diagram, two rows of cards, and the 256 px strip a 1280×720 window leaves above the drawer.
  const diagram = { x: 20, y: 40, width: 900, height: 460 };
  const narration = { width: 360, height: 100 };

  it('puts the whole diagram in the strip above the drawer, clear of the narration card', () => {
    const v = fitAbove(diagram, 1280, 240, 0, narration, 0.9);
    const top = v.y + diagram.y * v.zoom, bottom = top + diagram.height * v.zoom;
    const left = v.x + diagram.x * v.zoom, right = left + diagram.width * v.zoom;
    expect(top).toBeGreaterThanOrEqual(0);
    expect(bottom).toBeLessThanOrEqual(240 + 1e-9);
    expect(right).toBeLessThanOrEqual(1280);
    // Beside the card (a wide strip): right of it.
    expect(left).toBeGreaterThanOrEqual(narration.width);
    expect(v.zoom).toBeLessThan(0.9);
  });

  it('never zooms in past the zoom it had', () => {
    expect(fitAbove({ x: 0, y: 0, width: 100, height: 50 }, 1280, 400, 0, undefined, 0.8).zoom).toBe(0.8);
  });

  it('keeps room above the cards for a box title', () => {
    const v = fitAbove(diagram, 1280, 240, 34, narration, 0.9);
    expect(v.y + diagram.y * v.zoom).toBeGreaterThanOrEqual(34);
  });

  it('stops shrinking at the readable floor and then shows the diagram from its top-left corner', () => {
    const v = fitAbove(diagram, 1280, 240, 0, narration, 0.9, 0.7);
    expect(v.zoom).toBe(0.7);
    expect(v.y + diagram.y * v.zoom).toBeGreaterThanOrEqual(0);
    expect(v.x + diagram.x * v.zoom).toBeGreaterThanOrEqual(0);
  });

  it('at the floor, a diagram too wide to sit beside the narration card goes below it, its whole width in view', () => {
    const wide = { x: 0, y: 0, width: 1100, height: 300 };
    const v = fitAbove(wide, 1280, 240, 0, narration, 0.9, 0.88);
    expect(v.zoom).toBe(0.88);
    expect(v.x + wide.width * v.zoom).toBeLessThanOrEqual(1280);
    expect(v.y).toBeGreaterThanOrEqual(narration.height);
  });
});
