import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { node, openApp, readNumber, totals } from './helpers';

type Text = string | { en: string; es: string };
type Wait = { do: string; node: string; field?: string; value?: string | number | boolean };
interface Step { title?: Text; text: Text; run?: unknown; waitFor?: Wait }
interface File { id: string; kind?: string; nodes: { id: string; kind: string; label?: Text }[]; tour?: { steps: Step[] } }

const dir = new URL('../src/scenarios/', import.meta.url);
const toured: File[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as File)
  .filter((s) => s.tour);

const WORDS = {
  en: { start: 'Take the guided tour', region: 'Guided tour', step: 'Step {n} of {count}', next: 'Next', back: 'Back', finish: 'Finish the tour', skip: 'Skip to it', paused: 'Paused at', turn: 'Your turn', resume: 'Resume the tour at step {n}', leave: 'Leave the tour', scenario: 'Scenario' },
  es: { start: 'Hacer la visita guiada', region: 'Visita guiada', step: 'Paso {n} de {count}', next: 'Siguiente', back: 'Atrás', finish: 'Terminar la visita', skip: 'Saltar hasta ahí', paused: 'En pausa en', turn: 'Te toca', resume: 'Retomar la visita en el paso {n}', leave: 'Salir de la visita', scenario: 'Escenario' },
} as const;
type Lang = keyof typeof WORDS;
const say = (t: Text | undefined, lang: Lang) => (t === undefined ? '' : typeof t === 'string' ? t : t[lang]);

/** The inspector's names of the settings a tour step asks the learner to change (src/components/models/<family>/fields.ts). */
const FIELDS: Record<string, { en: string; es: string }> = {
  policy: { en: 'Policy', es: 'Política' },
  idempotencyKeys: { en: 'Send idempotency keys', es: 'Enviar claves de idempotencia' },
};

async function open(page: Page, hash: string, lang: Lang = 'en') {
  await page.addInitScript((l) => localStorage.setItem('microsim.lang', l), lang);
  // A tour link is read with the engine before the first render: openApp allows for a busy machine
  // (the default 5 s once ran out on CI).
  await openApp(page, hash);
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

/** Does what a step waits for, as a learner would: the switch on the card, or the setting in the inspector. */
async function doTheTurn(page: Page, scenario: File, wait: Wait, lang: Lang) {
  const target = scenario.nodes.find((n) => n.id === wait.node)!;
  const label = say(target.label, lang) || wait.node;
  if (wait.do === 'offline' || wait.do === 'online') {
    await node(page, label).getByRole('switch').click();
    return;
  }
  if (wait.do !== 'configure' || !wait.field || !FIELDS[wait.field]) throw new Error(`tour.spec cannot do ${JSON.stringify(wait)} yet`);
  await node(page, label).getByText(label, { exact: true }).click();
  const name = FIELDS[wait.field]![lang];
  if (typeof wait.value === 'boolean') await page.getByRole('checkbox', { name, exact: true }).setChecked(wait.value);
  else await page.getByRole('combobox', { name, exact: true }).selectOption(String(wait.value));
}

const other = (lang: Lang): Lang => (lang === 'en' ? 'es' : 'en');
const stepOf = (lang: Lang, n: number, count: number) => WORDS[lang].step.replace('{n}', String(n)).replace('{count}', String(count));

/**
 * Walks `scenario`'s tour from its first step to its last, on the page as it is. Each step is
 * read in the language the walk is in; then the switch in the header changes the language and the
 * walk goes on in the other one, so it alternates EN, ES, EN... Returns the language it ends in.
 */
async function walk(page: Page, scenario: File, start: Lang): Promise<Lang> {
  let lang = start;
  await page.getByRole('button', { name: WORDS[lang].start }).click();
  const steps = scenario.tour!.steps;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    {
      const panel = page.getByRole('region', { name: WORDS[lang].region });
      await expect(panel).toContainText(stepOf(lang, i + 1, steps.length));
      await expect(panel.getByRole('heading')).toHaveText(say(step.title, lang) || stepOf(lang, i + 1, steps.length));
      await expect(panel).toContainText(say(step.text, lang));
    }
    // The language switches in the header between steps, so a walk reads its steps in English and
    // Spanish in turn, and the tour carries on across each switch (each step has both texts:
    // tourMoment.test.ts).
    lang = other(lang);
    await page.getByRole('button', { name: lang === 'es' ? 'ES · Español' : 'EN · English' }).click();
    const w = WORDS[lang];
    const panel = page.getByRole('region', { name: w.region });
    if (step.run || step.waitFor) await reachMoment(page, lang, !!step.waitFor);
    if (step.waitFor) {
      // The step waits for the learner: Next stays disabled until they have done what it asks.
      if (i < steps.length - 1) await expect(panel.getByRole('button', { name: w.next })).toBeDisabled();
      await doTheTurn(page, scenario, step.waitFor, lang);
      if (i < steps.length - 1) continue; // it moves on by itself
    }
    if (i < steps.length - 1) await panel.getByRole('button', { name: w.next }).click();
    else await panel.getByRole('button', { name: w.finish }).click();
  }
  await expect(page.getByRole('region', { name: WORDS[lang].region })).toHaveCount(0);
  await expect(page.getByRole('button', { name: WORDS[lang].resume.replace('{n}', String(steps.length)) })).toBeVisible();
  return lang;
}

/**
 * The tours split into `n` groups of about as many steps each. A group is walked on one page,
 * one tour after the other (the next picked from the scenario menu, as a learner would): a page
 * load costs more than a tour step on a loaded CI machine, and the groups run side by side.
 */
function groups(n: number): File[][] {
  const out: File[][] = Array.from({ length: n }, () => []);
  const load = (g: File[]) => g.reduce((sum, s) => sum + s.tour!.steps.length, 0);
  for (const s of [...toured].sort((a, b) => b.tour!.steps.length - a.tour!.steps.length || a.id.localeCompare(b.id))) {
    out.reduce((least, g) => (load(g) < load(least) ? g : least)).push(s);
  }
  return out.filter((g) => g.length > 0);
}

// The groups are independent pages: with --workers=2 they run two at a time.
test.describe.configure({ mode: 'parallel' });

groups(4).forEach((tours, g) => {
  test(`tours of ${tours.map((s) => s.id).join(', ')}: each walks from the first step to the last, the language switching between steps (English, Spanish, English...)`, async ({ page }) => {
    test.setTimeout(60_000 * tours.length);
    // Half the groups start in Spanish, so a tour is also started, and a menu used, in Spanish.
    let lang: Lang = g % 2 === 0 ? 'en' : 'es';
    await open(page, `#s=${tours[0]!.id}`, lang);
    for (const [i, scenario] of tours.entries()) {
      await test.step(scenario.id, async () => {
        if (i > 0) {
          const picker = page.getByRole('combobox', { name: WORDS[lang].scenario });
          await picker.selectOption(scenario.id);
          await expect(picker).toHaveValue(scenario.id);
        }
        lang = await walk(page, scenario, lang);
      });
    }
  });
});

test('Back returns to the previous step exactly as it was (same counters, the switch as it was); leaving keeps the place and resuming returns to it', async ({ page }) => {
  test.setTimeout(60_000); // two checks on one page; a loaded CI machine took 27 s
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

  // Leave, let the run go on, resume: back at step 5, at its moment.
  await panel.getByRole('button', { name: 'Leave the tour' }).click();
  await expect(panel).toHaveCount(0);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'Resume the tour at step 5' }).click();
  await expect(panel).toContainText('Step 5 of 8');
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('0:10.000');
  await expect(panel.getByRole('heading')).toBeVisible();
});

test('a share link made at a tour step opens on that step, at its moment', async ({ page, context }) => {
  test.setTimeout(60_000); // two page loads: past 30 s at a load average of 25
  await open(page, '#s=user-registered-fanout');
  await page.getByRole('button', { name: 'Take the guided tour' }).click();
  const panel = page.getByRole('region', { name: 'Guided tour' });
  await panel.getByRole('button', { name: 'Next' }).click();
  await reachMoment(page, 'en');
  await panel.getByRole('button', { name: 'Next' }).click();
  await expect(panel).toContainText('Step 3 of 8');
  const counters = await totals(page).innerText();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
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

test('a step about cards\' figures, opened straight from a link, shows full cards with those figures', async ({ page }) => {
  test.setTimeout(60_000);
  // rest-idempotency's step 5 tells the learner to watch "Run twice" on the upper payments card.
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, '#s=rest-idempotency&tour=5');
  const panel = page.getByRole('region', { name: 'Guided tour' });
  await expect(panel).toContainText('Step 5 of 7');
  const payments = page.locator('.react-flow__node[data-id="payments-plain"]');
  await expect(payments.getByText('Run twice')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.flow')).toHaveAttribute('data-zoom', 'full');
});

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the tour card is a compact sheet: the highlighted cards stay in view beside it, and its text unfolds', async ({ page }) => {
    await open(page, '#s=rest-load-balancer&tour=2');
    const panel = page.getByRole('region', { name: 'Guided tour' });
    await expect(panel).toContainText('Step 2 of 7');
    const more = panel.getByRole('button', { name: 'Read more' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(panel.getByRole('button', { name: 'Next' })).toBeInViewport({ ratio: 1 });
    const sheet = (await panel.boundingBox())!;
    expect(sheet.height).toBeLessThan(200);
    // Once the step's fit has settled, both cards it points at are whole on screen and clear of the sheet.
    for (const label of ['Load balancer', 'Orders 2']) {
      const card = node(page, label);
      await expect(card).toBeInViewport({ ratio: 0.99 });
      await expect.poll(async () => (await card.boundingBox())!.y).toBeGreaterThanOrEqual(sheet.y + sheet.height);
    }
    await more.click();
    await expect(panel.getByRole('button', { name: 'Less' })).toHaveAttribute('aria-expanded', 'true');
    await expect(panel.getByText('the other two about 120 each')).toBeInViewport({ ratio: 0.99 });
  });
});

test('?scenario= opens a scenario file the app serves', async ({ page }) => {
  await page.goto('/?scenario=scenarios/mmc.json');
  await expect(page.getByRole('region', { name: 'Scenario' }).or(page.locator('.narration'))).toContainText('M/M/c');
});
