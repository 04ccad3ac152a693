import { compareController } from '../../app/compare/compareController';
import { useCompare } from '../../app/compare/compareStore';
import { formatClock } from '../../i18n/format';
import { localize } from '../../i18n/localize';
import { useT } from '../../i18n/useT';

const SLOW = [1, 2, 5, 10];

/** One Play/Pause, one Step, one timeline, one speed; the shared consumer's switch and slow mode. */
export function CompareControls() {
  const { t, lang } = useT();
  const playing = useCompare((s) => s.playing);
  const now = useCompare((s) => s.now);
  const durationMs = useCompare((s) => s.durationMs);
  const speed = useCompare((s) => s.speed);
  const target = useCompare((s) => s.target);
  const offline = useCompare((s) => (s.target ? !!s.offline[s.target] : false));
  const slow = useCompare((s) => (s.target ? (s.slow[s.target] ?? 1) : 1));
  const ended = useCompare((s) => s.ended);
  const column = compareController.columns[0];
  const consumers = column ? column.scenario.nodes.filter((n) => column.consumers.includes(n.id)) : [];
  const targetLabel = localize(consumers.find((n) => n.id === target)?.label, lang, target ?? '');
  const max = Math.max(durationMs, now);
  return (
    <div className="cmp-controls" role="toolbar" aria-label={t('compareTitle')}>
      <button type="button" className="button button--primary" onClick={() => compareController.toggle()}>
        {playing ? t('pause') : t('play')}
      </button>
      <button type="button" className="button" aria-label={t('step')} onClick={() => compareController.step()}>
        {t('stepShort')}
      </button>
      <button type="button" className="button button--quiet" onClick={() => compareController.reset()}>
        {t('reset')}
      </button>
      <span className="cmp-controls__clock" role="timer" aria-label={t('clock')}>
        {formatClock(now)}
      </span>
      <input
        className="cmp-controls__timeline"
        type="range"
        aria-label={t('timeline')}
        min={0}
        max={max}
        step={100}
        value={Math.min(now, max)}
        onChange={(e) => compareController.seek(Number(e.target.value))}
      />
      <label className="field field--inline">
        <span className="field__label">{t('speed')}</span>
        <input
          type="range"
          min={-1}
          max={2}
          step={0.1}
          value={Math.log10(speed)}
          aria-valuetext={t('speedValue', { speed: speed < 1 ? speed.toFixed(1) : Math.round(speed) })}
          onChange={(e) => compareController.setSpeed(10 ** Number(e.target.value))}
        />
        <span className="cmp-controls__speed">{t('speedValue', { speed: speed < 1 ? speed.toFixed(1) : Math.round(speed) })}</span>
      </label>
      <label className="field field--inline">
        <span className="field__label">{t('compareConsumer')}</span>
        <select className="select select--small" value={target ?? ''} onChange={(e) => compareController.setTarget(e.target.value)}>
          {consumers.map((n) => (
            <option key={n.id} value={n.id}>
              {localize(n.label, lang, n.id)}
            </option>
          ))}
        </select>
      </label>
      {target ? (
        <>
          <label className="cmp-switch">
            <input
              type="checkbox"
              role="switch"
              checked={!offline}
              aria-label={t('compareOnline', { name: targetLabel })}
              onChange={(e) => compareController.setOnline(target, e.target.checked)}
            />
            <span aria-hidden="true">{offline ? t('compareDown') : t('online')}</span>
          </label>
          <select
            className="select select--small"
            aria-label={t('compareSlow', { name: targetLabel })}
            value={slow}
            onChange={(e) => compareController.setSlow(target, Number(e.target.value))}
          >
            {SLOW.map((f) => (
              <option key={f} value={f}>
                {f === 1 ? t('slowOff') : t('slowTimes', { factor: f })}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {ended ? <p className="cmp-controls__ended" role="status">{t('compareEnded')}</p> : null}
    </div>
  );
}
