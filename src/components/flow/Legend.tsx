import { FLIGHT_STYLES, type Shape } from '../../app/flightStyles';
import { useT } from '../../i18n/useT';

/** What the shapes and colours of moving messages mean. */
export function Legend() {
  const { t } = useT();
  return (
    <ul className="legend" aria-label={t('legend')}>
      {FLIGHT_STYLES.map((s, i) =>
        s.legend ? (
          <li key={i} className="legend__item">
            <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
              <ShapeIcon shape={s.shape} color={s.color} />
            </svg>
            {t(s.legend)}
          </li>
        ) : null,
      )}
    </ul>
  );
}

function ShapeIcon({ shape, color }: { shape: Shape; color: string }) {
  switch (shape) {
    case 'circle':
      return <circle r="5" fill={color} />;
    case 'ring':
      return <circle r="4" fill="none" stroke={color} strokeWidth="2" />;
    case 'square':
      return <rect x="-4.5" y="-4.5" width="9" height="9" fill={color} />;
    case 'diamond':
      return <path d="M0-6 6 0 0 6-6 0Z" fill={color} />;
    case 'triangle':
      return <path d="M0-6 6 4.8H-6Z" fill={color} />;
    case 'cross':
      return <path d="M-4.5-4.5 4.5 4.5M4.5-4.5-4.5 4.5" stroke={color} strokeWidth="2.2" strokeLinecap="round" />;
  }
}
