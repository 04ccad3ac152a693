import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { appStore } from '../../store/appStore';
import { translate } from '../../i18n/translate';
import { localize } from '../../i18n/localize';
import { fieldLabel } from '../models/catalog';
import { useFrame } from '../panels/useFrame';
import { figureRows, type FigureRow } from './figureRows';

/** How often the figures' text is refreshed, wall ms. */
const EVERY_MS = 250;

/**
 * A node's live figures (its stats()), read from the controller's published snapshot after
 * the frame, a few times a second. React renders only when the set of lines changes (a figure appears,
 * the language changes); new values are written straight into the DOM.
 */
export function LiveFigures({ id }: { id: string }) {
  const { t } = useT();
  const [rows, setRows] = useState<readonly FigureRow[]>([]);
  const [shape, setShape] = useState('');
  const cells = useState(() => new Map<string, HTMLElement>())[0];
  useFrame(() => {
    const { lang, scenario, live } = appStore.getState();
    const stats = live[id];
    if (!stats) return;
    const label = (key: string) => {
      const n = scenario?.nodes.find((c) => c.id === key);
      return n ? localize(n.label, lang, n.id) : undefined;
    };
    const next = figureRows(stats, lang, [translate(lang, 'figYes'), translate(lang, 'figNo')], label, (key) => fieldLabel(stats.kind, key, lang));
    const nextShape = lang + next.map((r) => r.key).join('|');
    if (nextShape !== shape) {
      setShape(nextShape);
      setRows(next);
      return;
    }
    for (const r of next) {
      const cell = cells.get(r.key);
      if (cell && r.value !== undefined && cell.textContent !== r.value) cell.textContent = r.value;
    }
  }, EVERY_MS);
  if (rows.length === 0) return <p className="inspector__muted">{t('inspectorNoFigures')}</p>;
  return (
    <dl className="figures">
      {rows.map((r) => (
        <div key={r.key} className={`figures__row figures__row--d${r.depth}${r.value === undefined ? ' figures__row--head' : ''}`}>
          <dt>{r.label}</dt>
          {r.value !== undefined ? (
            <dd
              ref={(el) => {
                // Written here, not as a child: the text is ours to update without React.
                if (el) {
                  cells.set(r.key, el);
                  el.textContent = r.value!;
                } else cells.delete(r.key);
              }}
            />
          ) : null}
        </div>
      ))}
    </dl>
  );
}
