import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { node, readNumber, totals } from './helpers';

type Text = string | { en: string; es: string };
interface Step { title?: Text; text: Text; run?: unknown; waitFor?: { do: string; node: string } }
interface File { id: string; nodes: { id: string; label?: Text }[]; tour?: { steps: Step[] } }

const dir = new URL('../src/scenarios/', import.meta.url);
const toured: File[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as File)
  .filter((s) => s.tour);

const WORDS = {
  en: { start: 'Take the guided tour', region: 'Guided tour', step: 'Step {n} of {count}', next: 'Next', back: 'Back', finish: 'Finish the tour', skip: 'Skip to it', paused: 'Paused at', turn: 'Your turn', resume: 'Resume the tour at step {n}', leave: 'Leave the tour' },
  es: { start: 'Hacer la visita guiada', region: 'Visita guiada', step: 'Paso {n} de {count}', next: 'Siguiente', back: 'Atrás', finish: 'Terminar la visita', skip: 'Saltar hasta ahí', paused: 'En pausa en', turn: 'Te toca', resume: 'Retomar la visita en el paso {n}', leave: 'Salir de la visita' },
} as const;
type Lang = keyof typeof WORDS;
const say = (t: Text | undefined, lang: Lang) => (t === undefined ? '' : typeof t === 'string' ? t : t[lang]);

async function open(page: Page, hash: string, lang: Lang = 'en') {
  await page.addInitScript((l) => localStorage.setItem('microsim.lang', l), lang);
  await page.goto(`/?debug${hash}`);
  await expect(page.getByRole('timer')).toBeVisible();
}

/**
 * Waits for the current step to reach its moment, skipping ahead when the run is still on its
 * way. There it is paused, or (`awaits`) asks the learner for their turn.
 */
async function reachMoment(page: Page, lang: Lang, awaits = false) {
  const panel = page.getByRole('region', { name: WORDS[lang].region });
  const skip = panel.getByRole('button', { name: WORDS[lang].skip });
  const paused = panel.getByRole('status').filter({ hasText: awaits ? WORDS[lang].turn : WORDS[lang].paused });
  // Either the run is on its way (Skip shown) or the moment is already there.
  await expect(skip.or(paused)).toBeVisible({ timeout: 20_000 });
  if (await skip.isVisible()) await skip.click({ timeout: 2000 }).catch(() => {});
  await expect(paused).toBeVisible({ timeout: 20_000 });
}

const other = (lang: Lang): Lang => (lang === 'en' ? 'es' : 'en');
const stepOf = (lang: Lang, n: number, count: number) => WORDS[lang].step.replace('{n}', String(n)).replace('{count}', String(count));

// The walks are independent pages: with --workers=2 they run two at a time.
test.describe.configure({ mode: 'parallel' });

for (const scenario of toured) {
  test(`${scenario.id}: the tour walks from the first step to the last, each step read in English and in Spanish`, async ({ page }) => {
    test.setTimeout(120_000);
    // One page per tour: each step is read in the language the walk is in, then in the other one
    // (the switch in the header), and the walk goes on in that one, so it alternates EN, ES, EN...
    let lang: Lang = 'en';
    await open(page, `#s=${scenario.id}`, lang);
    await page.getByRole('button', { name: WORDS[lang].start }).click();
    const steps = scenario.tour!.steps;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      for (const l of [lang, other(lang)]) {
        if (l !== lang) await page.getByRole('button', { name: l === 'es' ? 'ES · Español' : 'EN · English' }).click();
        const panel = page.getByRole('region', { name: WORDS[l].region });
        await expect(panel).toContainText(stepOf(l, i + 1, steps.length));
        await expect(panel.getByRole('heading')).toHaveText(say(step.title, l) || stepOf(l, i + 1, steps.length));
        await expect(panel).toContainText(say(step.text, l));
      }
      lang = other(lang);
      const w = WORDS[lang];
      const panel = page.getByRole('region', { name: w.region });
      if (step.run) await reachMoment(page, lang, !!step.waitFor);
      if (step.waitFor) {
        // The step waits for the learner: Next stays disabled until they flip the switch on the card.
        if (i < steps.length - 1) await expect(panel.getByRole('button', { name: w.next })).toBeDisabled();
        const label = say(scenario.nodes.find((n) => n.id === step.waitFor!.node)!.label, lang) || step.waitFor.node;
        await node(page, label).getByRole('switch').click();
        if (i < steps.length - 1) continue; // it moves on by itself
      }
      if (i < steps.length - 1) await panel.getByRole('button', { name: w.next }).click();
      else await panel.getByRole('button', { name: w.finish }).click();
    }
    await expect(page.getByRole('region', { name: WORDS[lang].region })).toHaveCount(0);
    await expect(page.getByRole('button', { name: WORDS[lang].resume.replace('{n}', String(steps.length)) })).toBeVisible();
  });
}

test('Back returns to the previous step exactly as it was (same counters, the switch as it was)', async ({ page }) => {
  await open(page, '#s=user-registered-fanout&tour=5');
  const panel = page.getByRole('region', { name: 'Guided tour' });
  await expect(panel).toContainText('Step 5 of 8');
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('0:10.000');
  const before = await totals(page).innerText();
  const profileQueue = node(page, 'Profile queue');
  const backlogBefore = await readNumber(profileQueue, 'Backlog');
  const profile = page.getByRole('switch', { name: 'Profile service online' });
  await profile.click();
  await expect(panel).toContainText('Step 6 of 8');
  await reachMoment(page, 'en');
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('0:20.000');
  await expect.poll(() => readNumber(profileQueue, 'Backlog')).toBeGreaterThan(15);

  await panel.getByRole('button', { name: 'Back' }).click();
  await expect(panel).toContainText('Step 5 of 8');
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('0:10.000');
  await expect.poll(() => totals(page).innerText()).toBe(before);
  await expect.poll(() => readNumber(profileQueue, 'Backlog')).toBe(backlogBefore);
  await expect(profile).toHaveAttribute('aria-checked', 'true');
});

test('a share link made at a tour step opens on that step, at its moment', async ({ page, context }) => {
  await open(page, '#s=user-registered-fanout');
  await page.getByRole('button', { name: 'Take the guided tour' }).click();
  const panel = page.getByRole('region', { name: 'Guided tour' });
  await panel.getByRole('button', { name: 'Next' }).click();
  await reachMoment(page, 'en');
  await panel.getByRole('button', { name: 'Next' }).click();
  await expect(panel).toContainText('Step 3 of 8');
  const counters = await totals(page).innerText();
  await page.getByRole('button', { name: 'Share' }).click();
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/tour=3/);
  const link = await field.inputValue();

  const other = await context.newPage();
  await other.goto(link);
  const there = other.getByRole('region', { name: 'Guided tour' });
  await expect(there).toContainText('Step 3 of 8');
  await expect(there.getByRole('heading')).toHaveText('Each sign-up reached one service');
  await expect(other.getByRole('timer', { name: 'Simulated time' })).toHaveText('0:10.000');
  await expect.poll(() => totals(other).innerText()).toBe(counters);
});

test('leaving the tour keeps the place; resuming returns to that step', async ({ page }) => {
  await open(page, '#s=user-registered-fanout&tour=4');
  const panel = page.getByRole('region', { name: 'Guided tour' });
  await expect(panel).toContainText('Step 4 of 8');
  await panel.getByRole('button', { name: 'Leave the tour' }).click();
  await expect(panel).toHaveCount(0);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'Resume the tour at step 4' }).click();
  await expect(panel).toContainText('Step 4 of 8');
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('0:10.000');
  await expect(panel.getByRole('heading')).toBeVisible();
});

test('?scenario= opens a scenario file the app serves', async ({ page }) => {
  await page.goto('/?scenario=scenarios/mmc.json');
  await expect(page.getByRole('region', { name: 'Scenario' }).or(page.locator('.narration'))).toContainText('M/M/c');
});
