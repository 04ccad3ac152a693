import { controller } from '../../app/runtime';
import { useT } from '../../i18n/useT';

/** The online/offline switch of one service, named after it ("Email service online"). */
export function OnlineSwitch({ id, label, online }: { id: string; label: string; online: boolean }) {
  const { t } = useT();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={online}
      aria-label={t('nodeOnline', { name: label })}
      className="switch nodrag"
      onClick={() => controller.act({ do: online ? 'offline' : 'online', node: id })}
    >
      <span className="switch__track">
        <span className="switch__thumb" />
      </span>
      <span className="switch__text">{online ? t('online') : t('offline')}</span>
    </button>
  );
}
