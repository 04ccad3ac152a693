import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

// Regression: with the Events panel open after a run, picking another scenario blanked the page
// ("Cannot read properties of undefined (reading 'seq')"): the list rendered rows of a log that
// the new run had just cleared.
test('picking another scenario with the event log open keeps the app working', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await openApp(page);
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByText('40 events')).toBeVisible();
  await page.getByRole('tab', { name: 'Events' }).click();
  const log = page.getByRole('list', { name: 'Event log' });
  await expect(log.getByRole('listitem').first()).toBeVisible();

  for (const title of ['M/M/1', 'Kafka', 'REST']) {
    const picker = page.getByRole('combobox', { name: 'Scenario' });
    const option = picker.locator('option', { hasText: title }).first();
    await picker.selectOption({ label: (await option.innerText()).trim() });
    // The new scenario is on screen, the log is empty for it, and the page still works.
    await expect(page.getByRole('timer', { name: 'Simulated time' })).toBeVisible();
    await expect(log).toBeVisible();
    await page.getByRole('button', { name: 'Step one event' }).click();
    await expect(log.getByRole('listitem').first()).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('a failure in one region is contained there, said in both languages, and undone by a reload', async ({ page }) => {
  await openApp(page);
  page.on('console', () => undefined); // The boundary logs the error; that is expected here.
  await page.getByRole('tab', { name: 'Events' }).click();
  await page.getByRole('button', { name: 'Step one event' }).click();

  // The event log panel fails: the canvas, the clock and the controls still work.
  await page.evaluate(() => window.__microsim!.fault('panel'));
  const alert = page.getByRole('alert').filter({ hasText: 'This panel stopped working' });
  await expect(alert).toBeVisible();
  await page.getByRole('button', { name: 'Step one event' }).click();
  await expect(page.getByText('2 events')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Email service', exact: true })).toBeVisible();

  // The message follows the language.
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Este panel dejó de funcionar' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();

  // Reload brings the panel back, at t = 0 of the same scenario.
  await alert.getByRole('button', { name: 'Reload this scenario' }).click();
  await expect(alert).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Event log' })).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('0:00.000');

  // The canvas fails: the controls still step, and the panel is unaffected.
  await page.evaluate(() => window.__microsim!.fault('canvas'));
  await expect(page.getByRole('alert').filter({ hasText: 'The diagram stopped working' })).toBeVisible();
  await page.getByRole('button', { name: 'Step one event' }).click();
  await expect(page.getByText('1 event', { exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Event log' })).toBeVisible();
});
