import { expect, test, type Locator, type Page } from '@playwright/test';
import { node, openApp } from './helpers';

// The UI's own animations (src/app/motionLazy.tsx): motion's `animate` runs on the elements React
// drew, so a change animates without mounting anything again, an element leaving a Presence stays
// until its exit has played, and a reader who asked for reduced motion gets every change at once.

/** The Web Animations running on `locator`'s element (not CSS transitions), as property → [from, to]. */
function animations(locator: Locator): Promise<Record<string, [string, string]>> {
  return locator.evaluate((el) => {
    const out: Record<string, [string, string]> = {};
    for (const a of el.getAnimations()) {
      if (a.constructor !== Animation) continue; // CSS transitions are CSSTransition.
      const frames = (a.effect as KeyframeEffect).getKeyframes();
      for (const prop of Object.keys(frames[0] ?? {})) {
        if (['offset', 'computedOffset', 'easing', 'composite'].includes(prop)) continue;
        out[prop] = [String(frames[0]![prop]), String(frames[frames.length - 1]![prop])];
      }
    }
    return out;
  });
}

/** Waits until motion's chunk has loaded (it comes when the browser is idle after hydration). */
async function motionArrived(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/motionRun-[\w-]+\.js$/.test(r.name))), { timeout: 10_000 })
    .toBe(true);
}

/** Plays every animation on the page at a fifth of its speed, so a test can see one under way on a busy machine. */
async function slowAnimations(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Animation.enable');
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 0.2 });
}

test('taking a service offline from the keyboard dims its card with an animation, and the focus stays on the switch', async ({ page }) => {
  await openApp(page);
  await motionArrived(page);
  await slowAnimations(page);
  const card = node(page, 'Email service');
  const online = page.getByRole('switch', { name: 'Email service online' });
  await online.focus();
  await page.keyboard.press('Space');
  await expect(online).toBeFocused();
  await expect(online).not.toBeChecked();
  // The card fades and greys from its online look, on the same element (nothing was mounted again).
  expect(await animations(card)).toMatchObject({ opacity: ['1', '0.78'], filter: ['grayscale(0)', 'grayscale(0.9)'] });
  await expect(card.getByText('Offline', { exact: true }).first()).toBeVisible();
  // Back online: the same card animates back, still from the keyboard.
  await page.keyboard.press('Space');
  await expect(online).toBeFocused();
  await expect.poll(() => animations(card).then((a) => a.opacity?.[1])).toBe('1');
});

test('the inspector slides in, and on closing stays until its exit has played', async ({ page }) => {
  await openApp(page);
  await motionArrived(page);
  await slowAnimations(page);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await node(page, 'Email service').click();
  await expect(inspector).toBeVisible();
  expect(await animations(inspector)).toMatchObject({ width: ['0px', '340px'], opacity: ['0', '1'] });
  await expect.poll(() => animations(inspector), { timeout: 10_000 }).toEqual({});
  await inspector.getByRole('button', { name: 'Close the inspector' }).click();
  // Still there, playing its exit...
  await expect(inspector).toHaveCount(1);
  expect(await animations(inspector)).toMatchObject({ width: ['340px', '0px'], opacity: ['1', '0'] });
  // ...then gone.
  await expect(inspector).toHaveCount(0, { timeout: 10_000 });
});

test('with reduced motion asked for, a change applies at once and nothing animates', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await motionArrived(page);
  const card = node(page, 'Email service');
  await page.getByRole('switch', { name: 'Email service online' }).click();
  await expect(card).toHaveCSS('opacity', '0.78');
  expect(await animations(card)).toEqual({});
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await node(page, 'Email service').click();
  await expect(inspector).toBeVisible();
  expect(await animations(inspector)).toEqual({});
  await inspector.getByRole('button', { name: 'Close the inspector' }).click();
  await expect(inspector).toHaveCount(0);
});

test('playing Kafka moves its lanes\' offsets with animations, and a lane that is not drawn never breaks the canvas', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await openApp(page, '#s=kafka-order-events');
  await motionArrived(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('.lane__log, .lane__tick').length)).toBeGreaterThan(0);
  await page.waitForTimeout(3000);
  expect(errors).toEqual([]);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.locator('.react-flow')).toBeVisible();
});
