import { M, Presence } from '../../app/motionLazy';
import { useT } from '../../i18n/useT';
import { localize } from '../../i18n/localize';
import { appStore, useApp } from '../../store/appStore';
import { OnlineSwitch } from '../nodes/OnlineSwitch';
import { SlowMode } from '../nodes/SlowMode';
import '../panels/panels.css';
import { kindUi } from '../models/catalog';
import { LiveFigures } from './LiveFigures';
import { SettingsForm } from './SettingsForm';

/** The inspector's width when open, px. */
const WIDTH = 340;

/**
 * The side panel for the selected node: slides in when a node is picked and out when the
 * selection clears (motion). Escape closes it.
 */
export function Inspector() {
  const { t } = useT();
  const selected = useApp((s) => s.selected);
  const config = useApp((s) => (s.selected ? s.scenario?.nodes.find((n) => n.id === s.selected) : undefined));
  return (
    <Presence initial={false}>
      {selected && config ? (
        <M.section
          key="inspector"
          role="region"
          aria-label={t('inspector')}
          className="inspector"
          initial={{ width: 0, opacity: 0 }}
          animate={{ width: WIDTH, opacity: 1 }}
          exit={{ width: 0, opacity: 0 }}
          transition={{ duration: 0.22, ease: 'easeOut' }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement)) appStore.getState().select(null);
          }}
        >
          <div className="inspector__inner" style={{ width: WIDTH }}>
            <InspectorBody key={config.id} id={config.id} kind={config.kind} label={config.label} online={config.online} />
          </div>
        </M.section>
      ) : null}
    </Presence>
  );
}

interface BodyProps {
  id: string;
  kind: string;
  label: string | { en: string; es: string } | undefined;
  online: boolean | undefined;
}

function InspectorBody({ id, kind, label: text, online: initiallyOnline }: BodyProps) {
  const { t, lang } = useT();
  const label = localize(text, lang, id);
  const online = useApp((s) => s.live[id]?.online ?? initiallyOnline ?? true);
  const slow = useApp((s) => s.live[id]?.slowFactor ?? 1);
  const showEvents = () => {
    const s = appStore.getState();
    s.setLogNode(id);
    if (!s.drawerOpen || s.drawerTab !== 'events') s.showTab('events');
  };
  return (
    <>
      <header className="inspector__head">
        <div className="inspector__titles">
          <h2 className="inspector__title">{label}</h2>
          <div className="inspector__kind">{kindUi(kind).name[lang]}</div>
        </div>
        <button type="button" className="icon-button" aria-label={t('inspectorClose')} onClick={() => appStore.getState().select(null)}>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <path d="M3 3l8 8M11 3l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </header>
      <section className="inspector__section" aria-label={t('inspectorControls')}>
        <div className="inspector__controls">
          <OnlineSwitch id={id} label={label} online={online} />
          {kindUi(kind).slow ? <SlowMode id={id} label={label} factor={slow} /> : null}
          <button type="button" className="button button--small button--quiet" onClick={showEvents}>
            {t('inspectorShowEvents')}
          </button>
        </div>
      </section>
      <section className="inspector__section" aria-labelledby={`${id}-live`}>
        <h3 className="inspector__subtitle" id={`${id}-live`}>
          {t('inspectorLive')}
        </h3>
        <LiveFigures id={id} />
      </section>
      <section className="inspector__section" aria-labelledby={`${id}-settings`}>
        <h3 className="inspector__subtitle" id={`${id}-settings`}>
          {t('inspectorSettings')}
        </h3>
        <SettingsForm id={id} kind={kind} />
      </section>
    </>
  );
}
