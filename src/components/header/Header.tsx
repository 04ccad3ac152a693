import { useRenderCount } from '../../app/debug';
import { useT } from '../../i18n/useT';
import { openCompare } from '../../app/compare/openCompare';
import { ExportButton } from '../export/ExportButton';
import { LanguageSwitch } from './LanguageSwitch';
import { OpenScenario } from './OpenScenario';
import { ScenarioPicker } from './ScenarioPicker';
import { ShareButton } from './ShareButton';

/** The header: the name, the scenario picker, opening and sharing, the language switch. */
export function Header() {
  useRenderCount();
  const { t } = useT();
  return (
    <div className="header">
      <div className="brand">
        <Logo />
        <h1 className="brand__name">{t('appTitle')}</h1>
        <span className="brand__tagline">{t('appTagline')}</span>
      </div>
      <div className="header__scenario">
        <ScenarioPicker />
        <OpenScenario />
        <ShareButton />
        <button type="button" className="button" title={t('compareOpenHint')} onClick={() => void openCompare()}>
          {t('compareOpen')}
        </button>
        <ExportButton />
      </div>
      <LanguageSwitch />
    </div>
  );
}

/**
 * public/favicon.svg, drawn inline: as an <img>, an SVG image is a page of its own in the browser
 * (its own document, style and layout), built when it arrives, in a task on the first load's path.
 */
function Logo() {
  return (
    <svg viewBox="0 0 32 32" width={26} height={26} aria-hidden="true" focusable="false">
      <path d="M8 24 16 8 24 24Z" fill="none" stroke="#64748b" strokeWidth="2" strokeLinejoin="round" />
      <circle cx="16" cy="8" r="4.5" fill="#2563eb" />
      <circle cx="8" cy="24" r="4.5" fill="#16a34a" />
      <circle cx="24" cy="24" r="4.5" fill="#ea580c" />
    </svg>
  );
}
