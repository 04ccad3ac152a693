import type { CSSProperties } from 'react';
import { useCompare } from '../../app/compare/compareStore';
import type { RankedRow } from '../../compare/run';
import { ROWS } from '../../compare/table';
import { localize } from '../../i18n/localize';
import { useT } from '../../i18n/useT';

/**
 * The live scoreboard: a row per figure, a column per pattern (or variant), the best value of
 * each row starred. Each row's name explains itself on hover or keyboard focus.
 *
 * Its width is fixed by its number of columns (a fixed table layout), not by its figures or
 * its language: growing numbers or longer Spanish names wrap inside it instead of widening it
 * and pushing the canvases' grid down to one column while the run plays.
 */
export function Scoreboard() {
  const { t, lang } = useT();
  const report = useCompare((s) => s.report);
  const lateAfterMs = useCompare((s) => s.lateAfterMs);
  if (!report) return null;
  return (
    <section className="scoreboard" aria-labelledby="scoreboard-title" style={{ '--cols': report.columns.length } as CSSProperties}>
      <h2 id="scoreboard-title" className="scoreboard__title">{t('compareScoreboard')}</h2>
      <table className="scoreboard__table">
        <colgroup>
          <col className="scoreboard__names" />
          {report.columns.map((c) => (
            <col key={c.id} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <td />
            {report.columns.map((c) => (
              <th key={c.id} scope="col" title={localize(c.label, lang)}>
                {localize(c.short, lang)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row, i) => {
            const best = (report.best as Partial<Record<string, string[]>>)[row.key as RankedRow] ?? [];
            const hintId = `row-hint-${i}`;
            return (
              <tr key={i}>
                <th scope="row">
                  <span className="scoreboard__name" tabIndex={0} aria-describedby={hintId}>
                    {row.name[lang]}
                  </span>
                  <span role="tooltip" id={hintId} className="scoreboard__hint">
                    {row.hint[lang]}
                  </span>
                </th>
                {report.columns.map((c) => {
                  const isBest = best.includes(c.id);
                  // "delivered / expected" on two lines, so the column stays narrow.
                  const [value, of] = row.format(c.figures, lang).split(' / ');
                  return (
                    <td key={c.id} className={isBest ? 'scoreboard__best' : undefined}>
                      {value}
                      {isBest ? (
                        <span className="scoreboard__star" role="img" aria-label={t('compareBest')}>
                          {' ★'}
                        </span>
                      ) : null}
                      {of !== undefined ? <span className="scoreboard__of">/ {of}</span> : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="scoreboard__note">
        {t('compareBestNote')} · {t('compareLate', { ms: `${(lateAfterMs / 1000).toLocaleString(lang)} s` })}
      </p>
    </section>
  );
}
