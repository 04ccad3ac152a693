import { expect, test } from '@playwright/test';

for (const [w, h, perRow] of [[1440, 900, 2], [1920, 1080, 3]] as const) {
  for (const lang of ['en', 'es'] as const) {
    test(`compare at ${w}×${h} in ${lang}: ${perRow} canvases a row beside the scoreboard, text ≥ 12 px, consumer names and figures whole`, async ({ page }) => {
      test.setTimeout(60_000);
      await page.setViewportSize({ width: w, height: h });
      await page.goto('/#compare=compare-order-created');
      await expect(page.getByRole('toolbar')).toBeVisible({ timeout: 15_000 });
      if (lang === 'es') await page.getByRole('button', { name: 'Español' }).click();
      // Run to the end at 100×: the figures grow to their widest, which must not widen the scoreboard.
      await page.getByRole('toolbar').getByRole('slider').nth(1).fill('2');
      await page.getByRole('toolbar').getByRole('button').first().click();
      await expect(page.getByRole('timer')).toHaveText('1:00.000', { timeout: 60_000 });

      const tops = await page.locator('.cmp__column').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
      expect(tops.filter((t) => t === tops[0]).length, `tops ${tops.join(',')}`).toBe(perRow);
      const board = await page.locator('.scoreboard').boundingBox();
      const grid = await page.locator('.cmp__grid').boundingBox();
      expect(board!.x, 'the scoreboard is beside the canvases').toBeGreaterThan(grid!.x + grid!.width - 1);

      const sizes = await page.locator('.scoreboard *').evaluateAll((els) =>
        els.filter((e) => e.textContent?.trim() && getComputedStyle(e).visibility !== 'hidden').map((e) => parseFloat(getComputedStyle(e).fontSize)),
      );
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);

      const cut = await page.locator('.cmp-node--consumer .cmp-node__name').evaluateAll((els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent),
      );
      expect(cut).toEqual([]);
      // Every box's live figure ("sent 565", "esperando 12", "done 171") is whole, not cut to "esperand…".
      const cutFigures = await page.locator('.cmp-node__figure').evaluateAll((els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent),
      );
      expect(cutFigures).toEqual([]);
    });
  }
}
