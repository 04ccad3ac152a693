import { Handle, Position } from '@xyflow/react';
import { M, Presence } from '../../app/motionLazy';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import type { NodeConfig } from '../../sim/engine/scenario';
import type { NodeLive } from '../../store/slices/liveSlice';
import { OnlineSwitch } from './OnlineSwitch';
import { SlowMode } from './SlowMode';
import type { CardFacts } from './types';
import { useNodeLabel } from './useNodeLive';

/** Props of the card every node kind draws inside. */
export interface NodeCardProps {
  id: string;
  config: NodeConfig;
  /** Its kind's name, icon, colour and controls (from the UI catalog). */
  ui: CardFacts;
  live: NodeLive | undefined;
  /** A short qualifier shown beside the kind ("topic", "durable"). */
  tag?: string;
  children?: ReactNode;
}


/**
 * The shell of a node card: handles, a header with the label and kind, the kind's own picture
 * and figures, and for services the online switch and slow mode. Going offline or slow
 * animates the card (motion).
 */
export function NodeCard({ id, config, ui, live, tag, children }: NodeCardProps) {
  const { t, lang } = useT();
  const Icon = ui.icon;
  const label = useNodeLabel(config);
  const online = live?.online ?? config.online ?? true;
  const slow = live?.slowFactor ?? 1;
  return (
    <M.div
      role="group"
      aria-label={label}
      className={`card card--${ui.accent}${online ? '' : ' card--offline'}`}
      initial={false}
      animate={{ opacity: online ? 1 : 0.78, filter: online ? 'grayscale(0)' : 'grayscale(0.9)' }}
      transition={{ duration: 0.35 }}
    >
      <Handle type="target" position={Position.Left} className="card__handle" isConnectable={false} />
      <div className="card__head">
        <span className="card__icon" aria-hidden="true">
          <Icon />
        </span>
        <div className="card__titles">
          <div className="card__label">{label}</div>
          <div className="card__kind">
            {ui.name[lang]}
            {tag ? <span className="card__tag">{tag}</span> : null}
          </div>
        </div>
        <Presence>
          {!online ? (
            <M.span
              key="off"
              className="badge badge--off"
              initial={{ scale: 0.6, opacity: 0 }}
              animate={{ scale: 1, opacity: 1 }}
              exit={{ scale: 0.6, opacity: 0 }}
            >
              {t('offline')}
            </M.span>
          ) : slow > 1 ? (
            <M.span
              key="slow"
              className="badge badge--slow"
              initial={{ scale: 0.6, opacity: 0 }}
              animate={{ scale: 1, opacity: 1 }}
              exit={{ scale: 0.6, opacity: 0 }}
            >
              {t('slowBadge', { factor: slow })}
            </M.span>
          ) : null}
        </Presence>
      </div>
      <div className="card__body">{children}</div>
      {ui.online ? (
        <div className="card__foot">
          <OnlineSwitch id={id} label={label} online={online} />
          {ui.slow ? <SlowMode id={id} label={label} factor={slow} /> : null}
        </div>
      ) : null}
      <Handle type="source" position={Position.Right} className="card__handle" isConnectable={false} />
    </M.div>
  );
}

/** One "name value" line of a card. */
export function Figure({ name, value, tone }: { name: string; value: ReactNode; tone?: 'bad' | 'muted' }) {
  return (
    <div className={`figure${tone ? ` figure--${tone}` : ''}`}>
      <span className="figure__name">{name}</span> <span className="figure__value">{value}</span>
    </div>
  );
}
