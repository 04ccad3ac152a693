import { FLIGHT_STYLES } from '../../app/flightStyles';
import { LOG_KINDS, type LogKind } from '../../app/logKinds';
import { useT } from '../../i18n/useT';
import { NodeOptions } from '../NodeOptions';
import { appStore, useApp } from '../../store/appStore';

/** The colour of each log kind: the canvas legend's colour for the same family. */
export const KIND_COLORS: Readonly<Record<LogKind, string>> = {
  event: FLIGHT_STYLES[0]!.color,
  request: FLIGHT_STYLES[1]!.color,
  response: FLIGHT_STYLES[2]!.color,
  retry: FLIGHT_STYLES[3]!.color,
  ack: FLIGHT_STYLES[4]!.color,
  failure: FLIGHT_STYLES[6]!.color,
  system: '#64748b',
};

/** The log's filters: one node or all, and which kinds of entry to show. */
export function LogFilters() {
  const { t } = useT();
  const nodes = useApp((s) => s.scenario?.nodes);
  const logNode = useApp((s) => s.logNode);
  const kinds = useApp((s) => s.logKinds);
  const known = nodes?.some((n) => n.id === logNode) ? logNode : null;
  return (
    <div className="logbar__filters">
      <label className="logbar__field">
        <span className="field__label">{t('logNode')}</span>
        <select
          className="select select--small logbar__select"
          value={known ?? ''}
          onChange={(e) => appStore.getState().setLogNode(e.target.value || null)}
        >
          <option value="">{t('logAllNodes')}</option>
          <NodeOptions />
        </select>
      </label>
      <div className="kindchips" role="group" aria-label={t('logKinds')}>
        {LOG_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className="kindchip"
            aria-pressed={kinds.includes(k)}
            onClick={() => appStore.getState().toggleLogKind(k)}
          >
            <span className="kindchip__dot" style={{ background: KIND_COLORS[k] }} aria-hidden="true" />
            {t(`logKind_${k}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
