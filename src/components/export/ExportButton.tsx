import { controller } from '../../app/runtime';
import { download, exportDocument } from '../../app/exportScenario';
import { useT } from '../../i18n/useT';
import { appStore, useApp } from '../../store/appStore';

/** "Export": downloads the scenario as shown (seed, switches, slow mode and inspector edits included) as a file that opens back the same. */
export function ExportButton() {
  const { t } = useT();
  const loaded = useApp((s) => s.scenario !== null);
  return (
    <button
      type="button"
      className="button button--quiet"
      disabled={!loaded}
      title={t('exportHint')}
      onClick={() => {
        const { scenario, seed } = appStore.getState();
        if (!scenario) return;
        download(exportDocument(scenario, seed, controller.recorded, new URL('scenario.schema.json', location.href.split('#')[0]).href));
      }}
    >
      {t('export')}
    </button>
  );
}
