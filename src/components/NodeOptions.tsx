import { localize } from '../i18n/localize';
import { useT } from '../i18n/useT';
import { useApp } from '../store/appStore';

/** One `<option>` per node of the scenario on screen, by its label in the current language. */
export function NodeOptions() {
  const { lang } = useT();
  const nodes = useApp((s) => s.scenario?.nodes);
  return (
    <>
      {nodes?.map((n) => (
        <option key={n.id} value={n.id}>
          {localize(n.label, lang, n.id)}
        </option>
      ))}
    </>
  );
}
