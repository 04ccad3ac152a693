import { expect, test } from '@playwright/test';
import { openApp, seek } from './helpers';

/**
 * Step narration of each model's own events reads as a sentence, in English and in Spanish,
 * never as a raw trace type ("kafka.offsets_committed at …").
 */
const CASES = [
  {
    family: 'Kafka', scenario: 'kafka-order-events', seekTo: { ms: 4999, clock: '0:04.999' },
    en: /Group \S+ committed offsets [\d, ]+ on /, es: /El grupo \S+ hizo commit de los offsets [\d, ]+ en /,
  },
  {
    // A consumer's fetch of a record, in Kafka's words (not "left … (delivery)", not an "ack").
    family: 'Kafka record', scenario: 'kafka-order-events',
    en: / got record \S+ #\d+ \(partition \d, offset \d+\) from .+ in a fetch/,
    es: / obtuvo el registro \S+ #\d+ \(partición \d, offset \d+\) de .+ en un fetch/,
  },
  { family: 'webhook', scenario: 'webhook-order-paid', seekTo: { ms: 574, clock: '0:00.574' }, en: / registered with /, es: / se registró en / },
  { family: 'REST', scenario: 'rest-order-chain', en: / called .+ with \S+ #\d+ \(attempt 1\)/, es: / llamó a .+ con \S+ #\d+ \(intento 1\)/ },
  {
    family: 'pub/sub', scenario: 'pubsub-ack-deadline', seekTo: { ms: 25242, clock: '0:25.242' },
    en: / missed the ack deadline of #\d+ at .+ \(attempt \d+\)/, es: / no confirmó #\d+ a tiempo en .+ \(intento \d+\)/,
  },
  {
    // A reason the model writes in English reads in the learner's language, the node by its label.
    family: 'Kafka reason', scenario: 'kafka-order-events', seekTo: { ms: 14999, clock: '0:14.999' },
    en: / out again: .+ \(Billing 2 went offline before processing it\)/,
    es: / volverá a entregar .+ \(Facturación 2 se desconectó antes de procesarlo\)/,
  },
] as const;

const RAW_TYPE = /\b(kafka|webhook|http|pubsub|breaker|bulkhead|exchange|queue)\.[a-z_]+\b/;

for (const c of CASES) {
  test(`stepping to a ${c.family} event says it in words, in both languages`, async ({ page }) => {
    await openApp(page, `#s=${c.scenario}`);
    if ('seekTo' in c) await seek(page, c.seekTo.ms, c.seekTo.clock);
    const lastEvent = page.getByRole('region', { name: 'Last event' });
    const step = page.getByRole('button', { name: 'Step one event' });
    // Step until the model's event shows (a few steps at most after the seek).
    await expect
      .poll(
        async () => {
          await step.click();
          return lastEvent.innerText();
        },
        { timeout: 30_000, intervals: [50] },
      )
      .toMatch(c.en);
    const english = await lastEvent.innerText();
    expect(english).toMatch(/\nAt \d+:\d{2}\.\d{3}: ["A-Z]/);
    expect(english).not.toMatch(RAW_TYPE);

    await page.getByRole('button', { name: 'Español' }).click();
    const lastEventEs = page.getByRole('region', { name: 'Último evento' });
    await expect(lastEventEs).toContainText(/A los \d+:\d{2}\.\d{3}: /);
    await expect(lastEventEs).toContainText(c.es);
    expect(await lastEventEs.innerText()).not.toMatch(RAW_TYPE);
  });
}
