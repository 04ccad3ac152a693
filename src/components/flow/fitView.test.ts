import { describe, expect, it } from 'vitest';
import { fitAbove, PHONE_ZOOM, readableStepView } from './fitView';

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

describe('readableStepView (a tour step on a phone)', () => {
  const phone = { width: 390, height: 430 };
  const panel = { width: 374, height: 165 };
  // Three cards stacked in a column, 250 px wide and 480 px tall in all.
  const column = { x: 600, y: 100, width: 250, height: 480 };

  it('keeps a group that does not fit readable, from its top card, below the panel', () => {
    const v = readableStepView(column, phone, panel)!;
    expect(v.zoom).toBeCloseTo(PHONE_ZOOM, 6);
    // The top card starts just below the panel, and the column's left edge is on screen.
    expect(column.y * v.zoom + v.y).toBeGreaterThanOrEqual(panel.height);
    expect(column.y * v.zoom + v.y).toBeLessThan(panel.height + 60);
    expect(column.x * v.zoom + v.x).toBeGreaterThanOrEqual(0);
  });

  it("moves the card the step asks the learner to use into view, even when it is not the group's first", () => {
    const row = { x: 0, y: 0, width: 700, height: 150 };
    const last = { x: 500, y: 0, width: 200, height: 150 };
    const v = readableStepView(row, phone, panel, last)!;
    expect(v.zoom).toBeCloseTo(PHONE_ZOOM, 6);
    expect(last.x * v.zoom + v.x).toBeGreaterThanOrEqual(0);
    expect((last.x + last.width) * v.zoom + v.x).toBeLessThanOrEqual(phone.width);
  });

  it('leaves a group that fits readable to the ordinary fit', () => {
    expect(readableStepView({ x: 0, y: 0, width: 200, height: 120 }, phone, panel)).toBeNull();
  });

  it('leaves wide canvases to the ordinary fit, however small the group comes out', () => {
    expect(readableStepView(column, { width: 1440, height: 300 }, panel)).toBeNull();
  });
});
