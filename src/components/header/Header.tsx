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
        <img src="/favicon.svg" alt="" width={26} height={26} />
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
