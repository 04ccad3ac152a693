import { useMemo, useState } from 'react';
import { controller } from '../../app/runtime';
import { FIXED_SETTINGS, patchFor, settingsOf, type FieldSpec } from '../../app/settingsForm';
import { formatClock } from '../../i18n/format';
import { fieldLabel } from '../models/catalog';
import { useT } from '../../i18n/useT';
import type { Dist } from '../../sim/engine/distributions';
import { nodeKind } from '../../sim/catalog';
import { useApp } from '../../store/appStore';
import { DistSetting } from './DistSetting';
import { ChoiceSetting, FlagSetting, NumberSetting, TextSetting, type Commit } from './fields';
import { useNodeConfig } from './useNodeConfig';

/**
 * A node's settings, generated from its kind's zod schema, editable while the simulation
 * runs. Each change is checked against the whole schema, then applied through the controller
 * as a recorded `configure` action (so a seek or replay repeats it); a refused value changes
 * nothing and its field says why.
 */
export function SettingsForm({ id, kind }: { id: string; kind: string }) {
  const { t, lang } = useT();
  const config = useNodeConfig(id);
  const seeking = useApp((s) => s.seekingTo !== null);
  const schema = nodeKind(kind)?.schema;
  const specs = useMemo(() => (schema ? settingsOf(schema) : []), [schema]);
  const [applied, setApplied] = useState<string | null>(null);
  if (!schema || !config) return null;
  if (specs.length === 0) return <p className="inspector__muted">{t('inspectorNoSettings')}</p>;
  const fixed = FIXED_SETTINGS[kind];
  const commitTop = (key: string): Commit => (value) => {
    const result = patchFor(schema, config, key, value, lang);
    if ('error' in result) return result.error;
    controller.act({ do: 'configure', node: id, patch: result.patch });
    setApplied(t('inspectorApplied', { field: fieldLabel(kind, key, lang), time: formatClock(controller.now) }));
    return null;
  };
  return (
    <fieldset className="settings" disabled={seeking}>
      <p className="inspector__hint">{seeking ? t('inspectorSeeking') : t('inspectorSettingsHint')}</p>
      {specs.map((spec) =>
        fixed?.has(spec.key) ? (
          <div key={spec.key} className="setting setting--fixed">
            <span className="setting__label">{fieldLabel(kind, spec.key, lang)}</span>
            <span className="setting__fixed">
              {String(config[spec.key] ?? '—')} <em>({t('inspectorFixed')})</em>
            </span>
          </div>
        ) : (
          <Setting key={spec.key} kind={kind} spec={spec} value={config[spec.key]} commit={commitTop(spec.key)} />
        ),
      )}
      <p className="settings__applied" aria-live="polite">
        {applied}
      </p>
    </fieldset>
  );
}

/** One setting of any supported shape. */
function Setting({ kind, spec, value, commit }: { kind: string; spec: FieldSpec; value: unknown; commit: Commit }) {
  const { t, lang } = useT();
  const label = fieldLabel(kind, spec.key, lang);
  switch (spec.type) {
    case 'number':
      return (
        <NumberSetting
          label={label} value={typeof value === 'number' ? value : undefined} int={spec.int} min={spec.min} max={spec.max}
          commit={commit} notSet={t('inspectorNotSet')} optional={spec.optional}
        />
      );
    case 'string':
      return (
        <TextSetting
          label={label} value={typeof value === 'string' ? value : ''} parse={(s) => s} commit={commit} placeholder={t('inspectorNotSet')}
        />
      );
    case 'enum':
      return <ChoiceSetting label={label} value={String(value ?? spec.options[0])} options={spec.options} commit={commit} />;
    case 'boolean':
      return <FlagSetting label={label} value={value === true} commit={commit} />;
    case 'dist':
      return value ? <DistSetting label={label} value={value as Dist} commit={commit} /> : <TurnOn label={label} commit={commit} value={undefined} />;
    case 'preset':
      return typeof value === 'string' ? (
        <ChoiceSetting label={label} value={value} options={spec.options} commit={commit} />
      ) : (
        <div className="setting setting--fixed">
          <span className="setting__label">{label}</span>
          <span className="setting__fixed">{t('inspectorCustom')}</span>
        </div>
      );
    case 'object': {
      if (value === undefined || value === null) return <TurnOn label={label} commit={commit} value={{}} />;
      const obj = value as Record<string, unknown>;
      return (
        <fieldset className="settings__group">
          <legend>{label}</legend>
          {spec.fields.map((sub) => (
            <Setting key={sub.key} kind={kind} spec={sub} value={obj[sub.key]} commit={(v) => commit({ ...obj, [sub.key]: v })} />
          ))}
        </fieldset>
      );
    }
  }
}

/** An optional setting that is off: a button turns it on with its defaults. */
function TurnOn({ label, commit, value }: { label: string; commit: Commit; value: unknown }) {
  const { t } = useT();
  return (
    <div className="setting setting--off">
      <span className="setting__label">{label}</span>
      {value === undefined ? (
        <span className="setting__fixed">{t('inspectorNotSet')}</span>
      ) : (
        <button type="button" className="button button--small" aria-label={t('inspectorTurnOnNamed', { name: label })} onClick={() => commit(value)}>
          {t('inspectorTurnOn')}
        </button>
      )}
    </div>
  );
}
