import { controller } from '../../app/runtime';
import { useT } from '../../i18n/useT';

const FACTORS = [1, 2, 5, 10];

/** Slow mode: service time ×N for one service, named after it ("Email service slow mode"). */
export function SlowMode({ id, label, factor }: { id: string; label: string; factor: number }) {
  const { t } = useT();
  return (
    <select
      className="select select--small nodrag"
      aria-label={t('nodeSlow', { name: label })}
      value={FACTORS.includes(factor) ? factor : 1}
      onChange={(e) => controller.act({ do: 'slow', node: id, factor: Number(e.target.value) })}
    >
      {FACTORS.map((f) => (
        <option key={f} value={f}>
          {f === 1 ? t('slowOff') : t('slowTimes', { factor: f })}
        </option>
      ))}
    </select>
  );
}
