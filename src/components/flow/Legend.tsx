import { useState } from 'react';
import { HOP_MS } from '../../app/flights';
import { FLIGHT_STYLES, type Shape } from '../../app/flightStyles';
import { useFollow } from '../../app/follow';
import { observers } from '../../app/observers';
import { controller } from '../../app/runtime';
import { useT } from '../../i18n/useT';
import { useApp } from '../../store/appStore';
import './flow-visual.css';

/**
 * What the shapes and colours of moving messages mean, that hops are drawn slower than they
 * happen, and, while one message is followed, which one with a way to stop.
 */
export function Legend() {
  const { t } = useT();
  // On a phone the legend covers the lower part of the diagram: folded until asked for. Which
  // screen is a phone's is CSS's to say (flow-visual.css), not the script's, so the HTML drawn
  // at build time (index.html) is folded on a phone already, before any JavaScript.
  const [open, setOpen] = useState(false);
  const followed = useFollow((s) => s.root);
  const exchange = useApp((s) => s.scenario?.nodes.find((n) => n.kind === 'exchange') as { routingKeyFrom?: string } | undefined);
  // What is followed: its type, and the key that routes it. Behind an exchange, the routing key
  // the bindings match (as the exchange reads it: meta, else its type or key); elsewhere its key.
  const msg = followed === null ? undefined : observers.lives.get(followed)?.steps.find((e) => 'msg' in e)?.msg;
  const routingKey = msg && exchange
    ? typeof msg.meta?.routingKey === 'string' ? msg.meta.routingKey : exchange.routingKeyFrom === 'key' ? msg.key : msg.type
    : undefined;
  return (
    <>
      {/* At the top of the canvas: the drawer (where a message is picked in the log) covers the bottom. */}
      {followed !== null ? (
        <div className="follow-bar" role="status">
          <span className="follow-bar__dot" aria-hidden="true" />
          {msg ? t('legendFollowingNamed', { type: msg.type, id: followed }) : t('legendFollowing', { id: followed })}
          {routingKey ? (
            <code className="follow-bar__key">{t('followRoutingKey', { key: routingKey })}</code>
          ) : msg?.key ? (
            <code className="follow-bar__key">{t('followKey', { key: msg.key })}</code>
          ) : null}
          <button type="button" className="follow-bar__stop" onClick={() => controller.follow(null)}>
            {t('followStop')}
          </button>
        </div>
      ) : null}
      <div className={open ? 'legend-box legend-box--open' : 'legend-box'}>
        <div className="legend-box__body" id="legend-body">
          <LegendShapes />
          <p className="legend__note" title={t('legendSlower', { ms: HOP_MS })}>
            {t('legendSlower', { ms: HOP_MS })} {followed === null ? t('followHint') : null}
          </p>
        </div>
        <button type="button" className="legend-toggle" aria-expanded={open} aria-controls="legend-body" onClick={() => setOpen(!open)}>
          <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" className="legend-toggle__chevron">
            <path d="M2 6.5 5 3.5 8 6.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
          {t('legend')}
        </button>
      </div>
    </>
  );
}

function LegendShapes() {
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
