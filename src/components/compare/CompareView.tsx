import { useEffect, useState, type ReactNode } from 'react';
import { compareController } from '../../app/compare/compareController';
import { encodeCompareHash } from '../../app/compare/compareLink';
import { compareHash } from '../../app/compare/openCompare';
import { useCompare } from '../../app/compare/compareStore';
import { setHash } from '../../app/opening';
import { COMPARISONS } from '../../compare/builtins';
import { ROWS } from '../../compare/table';
import { localize } from '../../i18n/localize';
import { useT } from '../../i18n/useT';
import { DropZone } from '../DropZone';
import { LanguageSwitch } from '../header/LanguageSwitch';
import { OpenScenario } from '../header/OpenScenario';
import { CompareCanvas } from './CompareCanvas';
import { CompareControls } from './CompareControls';
import { Scoreboard } from './Scoreboard';
import './compare.css';

/**
 * Compare mode: one canvas per pattern (or variant) in a grid that fits the screen, the
 * scoreboard beside them, and one set of controls for all. Loaded on first use, not with the page.
 * `notice` is the app's notice banner (App passes it, so this chunk does not carry it again).
 */
export function CompareView({ onClose, notice }: { onClose: () => void; notice: ReactNode }) {
  const { t, lang } = useT();
  const id = useCompare((s) => s.comparisonId);
  const custom = useCompare((s) => s.custom);
  const [copied, setCopied] = useState(false);
  useEffect(() => () => compareController.pause(), []);
  const entry = id === null ? undefined : compareController.current?.entry;
  if (!entry) return null;
  const columns = compareController.columns;
  const open = (next: string) => {
    compareController.open(next);
    setHash(compareHash(next));
  };
  const exportCsv = () => {
    const blob = new Blob([compareController.csv(lang, ROWS as never)], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${entry.comparison.id}-scoreboard.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  // The link carries the comparison itself when it is the user's own, and the switch and
  // slow-mode actions so far, on the shared clock.
  const share = async () => {
    const current = compareController.current;
    const hash = await encodeCompareHash({ id: entry.comparison.id, file: current?.file, actions: compareController.recorded });
    const link = `${location.origin}${location.pathname}${hash}`;
    setHash(hash);
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      // No clipboard permission: the address bar holds the same link.
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <DropZone>
      <div className="cmp">
        <header className="cmp__header">
          <button type="button" className="button button--quiet" onClick={onClose}>
            ← {t('compareBack')}
          </button>
          <h1 className="cmp__title">{localize(entry.comparison.title, lang)}</h1>
          <label className="field field--inline">
            <span className="field__label">{t('comparePick')}</span>
            <select className="select" value={custom ? '' : entry.comparison.id} onChange={(e) => e.target.value && open(e.target.value)}>
              {custom ? <option value="">{localize(entry.comparison.title, lang)}</option> : null}
              {COMPARISONS.map((c) => (
                <option key={c.comparison.id} value={c.comparison.id}>
                  {localize(c.comparison.title, lang)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" onClick={exportCsv}>
            {t('compareExport')}
          </button>
          <button type="button" className="button" onClick={() => void share()}>
            {copied ? t('compareCopied') : t('compareShare')}
          </button>
          <OpenScenario />
          <LanguageSwitch />
        </header>
        <main className="cmp__main">
          {notice}
          {entry.comparison.description ? <p className="cmp__description">{localize(entry.comparison.description, lang)}</p> : null}
          <div className="cmp__body">
            <div className={`cmp__grid cmp__grid--${columns.length}`} role="list" aria-label={t('compareColumns')}>
              {columns.map((c, i) => (
                <section key={`${entry.comparison.id}-${c.id}`} role="listitem" className="cmp__column" aria-label={localize(c.label, lang)}>
                  <h2 className="cmp__column-title">{localize(c.label, lang)}</h2>
                  <CompareCanvas column={c} index={i} />
                </section>
              ))}
            </div>
            <Scoreboard />
          </div>
          <p className="cmp__legend">{t('compareHopsSlow')}</p>
        </main>
        <CompareControls />
      </div>
    </DropZone>
  );
}
