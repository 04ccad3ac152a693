import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { openApp, setSpeed } from './helpers';

// axe-core as @axe-core/playwright resolves it: the same version its AxeBuilder would inject.
const axeSource = readFileSync(createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js'), 'utf8');

interface Axe {
  run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
}

/**
 * axe on the whole page, with the label-in-name rule (off by default in axe) on too. axe goes
 * into each frame once a page load and runs there, as AxeBuilder's legacy mode does, without
 * the builder's per-scan cost: it injects axe's 580 KB again on every scan and finishes each
 * one in a new blank page (the app has no cross-origin frames, which that is for).
 */
async function violations(page: Page): Promise<string[]> {
  for (const frame of page.frames()) {
    if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axeSource);
  }
  const result = await page.evaluate(
    (options) => (window as unknown as { axe: Axe }).axe.run(document, options),
    { rules: { 'label-content-name-mismatch': { enabled: true } } },
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

// The states of issue #10, one after the other on one page (a page load costs more than a state
// on a loaded CI machine); each is its own step, and a violation names the state it was found in.
test('axe finds no violations: at start, with the log, the charts and the inspector open, playing, and in Spanish', async ({ page }) => {
  test.setTimeout(120_000);
  const check = async (state: string) => {
    await test.step(state, async () => expect.soft(await violations(page), state).toEqual([]));
  };
  await openApp(page);
  await expect(page.locator('.flow--shown')).toBeVisible({ timeout: 15_000 });
  await check('at start');

  await page.getByRole('button', { name: 'Step one event' }).click();
  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('User service');
  await check('with the event log open');

  await page.getByRole('tab', { name: 'Charts' }).click();
  await expect(page.getByRole('tabpanel')).toBeVisible();
  // The three charts drawn (uPlot's legends) and summed up in words.
  await expect(page.locator('.chart .uplot')).toHaveCount(3);
  await expect(page.locator('.chart__summary').filter({ hasText: /\S/ })).toHaveCount(3);
  await check('with the charts open');

  await page.getByRole('combobox', { name: 'Node to inspect' }).selectOption({ label: 'Email service' });
  // Once it has faded in: text half-faded would fail the contrast rule.
  await expect(page.getByRole('region', { name: 'Inspector' })).toHaveCSS('opacity', '1');
  await check('with the inspector open');

  await setSpeed(page, 10);
  await page.getByRole('button', { name: 'Play' }).click();
  // Messages on their way (the debug hook counts them).
  await expect.poll(() => page.evaluate(() => window.__microsim!.summary().inFlight)).toBeGreaterThan(0);
  await check('while playing');
  await page.getByRole('button', { name: 'Pause' }).click();

  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('button', { name: 'Reiniciar', exact: true }).click();
  await page.getByRole('button', { name: 'Avanzar un evento' }).click();
  await expect(page.getByRole('region', { name: 'Último evento' })).toContainText('publicó');
  // Links are named for screen readers in Spanish too, by the nodes' labels.
  await expect(page.getByRole('img', { name: 'Enlace de Servicio de usuarios a cola user.registered' })).toHaveCount(1);
  await check('in Spanish, after a step');
});

test('after picking a scenario, Space plays and pauses and → steps (the picker keeps ↑/↓)', async ({ page }) => {
  await openApp(page);
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  await picker.focus();
  await picker.selectOption({ label: 'M/M/1: one consumer, Poisson arrivals' });
  await expect(picker).toBeFocused();
  // The picker shows the scenario once it has loaded (built-ins come with the engine's chunk).
  const chosen = 'mm1';
  await expect(picker).toHaveValue(chosen);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('1 event', { exact: true })).toBeVisible();
  await expect(picker).toHaveValue(chosen);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(picker).toHaveValue(chosen);
});

test('the timeline moves a second per arrow key and a tenth per Page Up/Down', async ({ page }) => {
  await openApp(page, '#s=mm1'); // 60 s long: 1 % is under a second, 10 % is 6 s
  const clock = page.getByRole('timer', { name: 'Simulated time' });
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await timeline.focus();
  await page.keyboard.press('ArrowRight');
  await expect(clock).toHaveText('0:01.000');
  await page.keyboard.press('ArrowRight');
  await expect(clock).toHaveText('0:02.000');
  await page.keyboard.press('PageUp');
  await expect(clock).toHaveText('0:08.000');
  await page.keyboard.press('ArrowLeft');
  await expect(clock).toHaveText('0:07.000');
  await page.keyboard.press('PageDown');
  await expect(clock).toHaveText('0:01.000');
});

test('a skip link puts Play within reach, and every header control shows its focus', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the playback controls' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Play' })).toBeFocused();

  // Tab through the header: each stop draws an outline (the file input's shows on its label).
  await page.getByRole('combobox', { name: 'Scenario' }).focus();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const shown = el.classList.contains('visually-hidden') ? el.parentElement! : el;
      const s = getComputedStyle(shown);
      return { name: shown.textContent?.trim(), style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(outline.style, `focus outline on ${outline.name}`).not.toBe('none');
    expect(outline.width).toBeGreaterThan(0);
  }
});
