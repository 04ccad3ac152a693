import { BUILTIN_MENU } from '../../app/firstScreen';
import { openBuiltin } from '../../app/lazyLoader';
import { localize } from '../../i18n/localize';
import { useT } from '../../i18n/useT';
import { drawnScenario, useApp } from '../../store/appStore';

const CUSTOM = '';

/** The built-in scenarios by title in the current language; a loaded file shows as "Custom". */
export function ScenarioPicker() {
  const { t, lang } = useT();
  const source = useApp((s) => s.source);
  const scenario = useApp(drawnScenario);
  const value = source.kind === 'builtin' ? source.id : CUSTOM;
  return (
    <label className="field">
      <span className="field__label">{t('scenario')}</span>
      <select className="select" value={value} onChange={(e) => e.target.value && void openBuiltin(e.target.value)}>
        {source.kind === 'custom' && scenario ? (
          <option value={CUSTOM}>{t('customScenario', { title: localize(scenario.title, lang) })}</option>
        ) : null}
        {BUILTIN_MENU.map((s) => (
          <option key={s.id} value={s.id}>
            {localize(s.title, lang)}
          </option>
        ))}
      </select>
    </label>
  );
}
