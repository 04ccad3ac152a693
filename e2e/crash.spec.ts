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
