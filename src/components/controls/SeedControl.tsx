import { useId, useState } from 'react';
import { controller } from '../../app/runtime';
import { useT } from '../../i18n/useT';
import { useApp } from '../../store/appStore';

/**
 * The run's seed: the same seed replays the same run exactly; another one draws other random
 * arrivals and service times for the same scenario. Applying it starts again from t = 0.
 */
export function SeedControl() {
  const { t } = useT();
  const id = useId();
  const seed = useApp((s) => s.seed);
  // What is typed, for the seed it was typed over: a new seed (another scenario, a link) shows afresh.
  const [draft, setDraft] = useState<{ over: number; text: string } | null>(null);
  const text = draft && draft.over === seed ? draft.text : String(seed);
  const setText = (value: string) => setDraft({ over: seed, text: value });
  const apply = () => {
    const n = Number(text);
    if (text.trim() !== '' && Number.isInteger(n) && n !== seed) controller.reseed(n);
    setDraft(null);
  };
  return (
    <div className="seed" title={t('seedHint')}>
      <label htmlFor={id} className="seed__label">
        {t('seed')}
      </label>
      <input
        id={id}
        className="seed__input"
        type="number"
        step={1}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
    </div>
  );
}
