import { LANGS } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useApp } from '../../store/appStore';

/** EN | ES: a pair of toggle buttons, each named in its own language. */
export function LanguageSwitch() {
  const { t, lang } = useT();
  const setLang = useApp((s) => s.setLang);
  return (
    <div className="segmented" role="group" aria-label={t('language')}>
      {LANGS.map((l) => (
        <button
          key={l.lang}
          type="button"
          lang={l.lang}
          // The name starts with what the button shows ("EN"), then says it in full.
          aria-label={`${l.short} · ${l.name}`}
          aria-pressed={lang === l.lang}
          className="segmented__item"
          onClick={() => setLang(l.lang)}
        >
          {l.short}
        </button>
      ))}
    </div>
  );
}
