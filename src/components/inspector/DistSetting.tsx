import { DIST_KINDS, distParams, readNumber, switchDist } from '../../app/settingsForm';
import { fieldName } from '../../i18n/fieldNames';
import { useT } from '../../i18n/useT';
import type { Dist } from '../../sim/engine/distributions';
import { ChoiceSetting, TextSetting, type Commit } from './fields';

/** A duration distribution: its kind (switching keeps about the same mean) and its parameters in ms. */
export function DistSetting({ label, value, commit }: { label: string; value: Dist; commit: Commit }) {
  const { lang } = useT();
  const params = value as unknown as Record<string, number>;
  return (
    <fieldset className="settings__group">
      <legend>{label}</legend>
      <ChoiceSetting
        label={fieldName('dist', lang)}
        value={value.dist}
        options={DIST_KINDS}
        commit={(kind) => commit(switchDist(value, kind as Dist['dist']))}
      />
      {distParams(value.dist).map((p) => (
        <TextSetting
          key={`${value.dist}.${p.key}`}
          label={fieldName(p.key, lang)}
          value={String(params[p.key] ?? '')}
          parse={(text) => readNumber(text, { int: false, min: p.min })}
          commit={(v) => commit({ ...value, [p.key]: v })}
          numeric
        />
      ))}
    </fieldset>
  );
}
