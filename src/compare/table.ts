import type { Lang } from '../sim/engine/errors';
import type { ComparisonReport, RankedRow } from './run';
import type { Figures } from './scoreboard';

/** A scoreboard row: its name and one-line explanation in both languages, and how to show a value. */
export interface RowSpec {
  key: keyof Figures;
  name: Record<Lang, string>;
  hint: Record<Lang, string>;
  format: (f: Figures, lang: Lang) => string;
}

// Formatters made once per language: the live scoreboard formats every cell several times a second.
const formats = (lang: Lang) => ({
  count: new Intl.NumberFormat(lang),
  seconds: new Intl.NumberFormat(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
});
// Made on first use, not at load: two Intl.NumberFormat cost about 13 ms of the CLI's 0.3 s start.
const FORMATS: Partial<Record<Lang, ReturnType<typeof formats>>> = {};
const format = (lang: Lang) => (FORMATS[lang] ??= formats(lang));
const num = (v: number, lang: Lang = 'en') => format(lang).count.format(v);
const ms = (v: number | null, lang: Lang = 'en') =>
  v === null ? '–' : v >= 1000 ? `${format(lang).seconds.format(v / 1000)} s` : `${Math.round(v)} ms`;

/** The scoreboard's rows, top to bottom. The UI and the headless runner both show these. */
export const ROWS: readonly RowSpec[] = [
  {
    key: 'published', name: { en: 'Published', es: 'Publicados' },
    hint: { en: 'Events the producer sent: the same in every column.', es: 'Eventos que envió el productor: los mismos en todas las columnas.' },
    format: (f, lang) => num(f.published, lang),
  },
  {
    key: 'delivered', name: { en: 'Delivered', es: 'Entregados' },
    hint: { en: 'Events a consumer processed, out of those owed to it.', es: 'Eventos que procesó un consumidor, de los que le correspondían.' },
    format: (f, lang) => `${num(f.delivered, lang)} / ${num(f.expected, lang)}`,
  },
  {
    key: 'late', name: { en: 'Delivered late', es: 'Entregados tarde' },
    hint: { en: 'Processed later than the threshold after being published.', es: 'Procesados más tarde que el umbral desde su publicación.' },
    format: (f, lang) => num(f.late, lang),
  },
  {
    key: 'lost', name: { en: 'Lost', es: 'Perdidos' },
    hint: { en: 'Gone for good: dropped or dead-lettered, never to reach a consumer.', es: 'Perdidos para siempre: descartados o a mensajes muertos, nunca llegarán.' },
    format: (f, lang) => num(f.lost, lang),
  },
  {
    key: 'duplicated', name: { en: 'Duplicated', es: 'Duplicados' },
    hint: { en: 'Extra processings of an event its consumer had already processed.', es: 'Procesamientos de más de un evento que su consumidor ya había procesado.' },
    format: (f, lang) => num(f.duplicated, lang),
  },
  {
    key: 'failedCalls', name: { en: 'Failed calls', es: 'Llamadas fallidas' },
    hint: { en: 'Synchronous calls that failed or hang unanswered: the caller knows.', es: 'Llamadas síncronas que fallaron o siguen sin respuesta: el llamante lo sabe.' },
    format: (f, lang) => num(f.failedCalls, lang),
  },
  {
    key: 'backlogMax', name: { en: 'Largest backlog', es: 'Mayor acumulado' },
    hint: { en: 'Most messages waiting at once in queues, lag or retries.', es: 'Máximo de mensajes esperando a la vez en colas, retraso o reintentos.' },
    format: (f, lang) => num(f.backlogMax, lang),
  },
  {
    key: 'backlogNow', name: { en: 'Backlog now', es: 'Acumulado ahora' },
    hint: { en: 'Messages waiting now.', es: 'Mensajes esperando ahora.' },
    format: (f, lang) => num(f.backlogNow, lang),
  },
  {
    key: 'p50Ms', name: { en: 'Latency p50', es: 'Latencia p50' },
    hint: { en: 'Half the deliveries took less than this, publication to processed.', es: 'La mitad de las entregas tardó menos que esto, de publicación a procesado.' },
    format: (f, lang) => ms(f.p50Ms, lang),
  },
  {
    key: 'p99Ms', name: { en: 'Latency p99', es: 'Latencia p99' },
    hint: { en: '99 in 100 deliveries took less than this.', es: '99 de cada 100 entregas tardaron menos que esto.' },
    format: (f, lang) => ms(f.p99Ms, lang),
  },
  {
    key: 'waitingMax', name: { en: 'Producer blocked', es: 'Productor bloqueado' },
    hint: { en: 'Most calls the producer held open at once, waiting for answers.', es: 'Máximo de llamadas que el productor tuvo abiertas a la vez, esperando respuesta.' },
    format: (f, lang) => num(f.waitingMax, lang),
  },
  {
    key: 'recoveryMs', name: { en: 'Recovery', es: 'Recuperación' },
    hint: { en: 'After the outage: time until the backlog is back to normal and the consumer works again.', es: 'Tras la caída: tiempo hasta que el acumulado vuelve a lo normal y el consumidor trabaja de nuevo.' },
    format: (f, lang) => (f.recoveryMs === null ? (lang === 'es' ? 'aún no' : 'not yet') : ms(f.recoveryMs, lang)),
  },
  {
    key: 'coupling', name: { en: 'Addresses known', es: 'Direcciones conocidas' },
    hint: { en: 'Services the producer must know by address: coupling in space.', es: 'Servicios que el productor debe conocer por su dirección: acoplamiento en el espacio.' },
    format: (f, lang) => num(f.coupling.addresses, lang),
  },
  {
    key: 'coupling', name: { en: 'Consumers must be up', es: 'Consumidores en pie' },
    hint: { en: 'Whether the consumers must be up when the producer sends: coupling in time.', es: 'Si los consumidores deben estar en pie cuando el productor envía: acoplamiento en el tiempo.' },
    format: (f, lang) => (f.coupling.mustBeUp ? (lang === 'es' ? 'sí' : 'yes') : 'no'),
  },
];

/** The scoreboard as text for a terminal: a row per figure, a column per pattern, best marked with *. */
export function scoreboardText(r: ComparisonReport, lang: Lang = 'en'): string {
  const header = ['', ...r.columns.map((c) => c.short[lang])];
  const lines = [header];
  for (const row of ROWS) {
    const best = (r.best as Partial<Record<keyof Figures, string[]>>)[row.key as RankedRow] ?? [];
    lines.push([row.name[lang], ...r.columns.map((c) => row.format(c.figures, lang) + (best.includes(c.id) ? ' *' : ''))]);
  }
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  const out = lines.map((l) => l.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
  return [`${r.comparison}  seed ${r.seed}  ${(r.simulatedMs / 1000).toLocaleString('en')} s simulated`, '', ...out, '', '* best in its row'].join('\n');
}
