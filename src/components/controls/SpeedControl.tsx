import { controller, } from '../../app/runtime';
import { MAX_SPEED, MIN_SPEED } from '../../app/playback';
import { formatSpeed } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useApp } from '../../store/appStore';

/** Speed from 0.1× to 1000× on a log scale (the slider moves in powers of ten). */
export function SpeedControl() {
  const { t, lang } = useT();
  const speed = useApp((s) => s.speed);
  const text = t('speedValue', { speed: formatSpeed(speed, lang) });
  return (
    <label className="speed">
      <span className="speed__label">{t('speed')}</span>
      <input
        type="range"
        className="speed__input"
        min={Math.log10(MIN_SPEED)}
        max={Math.log10(MAX_SPEED)}
        step={0.01}
        value={Math.log10(speed)}
        aria-valuetext={text}
        onChange={(e) => controller.setSpeed(Number((10 ** Number(e.target.value)).toPrecision(2)))}
      />
      <span className="speed__value" aria-hidden="true">
        {text}
      </span>
    </label>
  );
}
