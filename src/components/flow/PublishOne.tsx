import { controller } from '../../app/runtime';
import { useT } from '../../i18n/useT';
import { useApp } from '../../store/appStore';

/**
 * "Publish one": the producer sends exactly one message now, so a learner can watch a single
 * routing decision. A recorded action (a "publish-one" command), so seeking and share links
 * replay it. Disabled while the producer is offline or a seek is running.
 */
export function PublishOne({ id, label, online }: { id: string; label: string; online: boolean }) {
  const { t } = useT();
  const seeking = useApp((s) => s.seekingTo !== null);
  return (
    <button
      type="button"
      className="publish-one nodrag"
      disabled={!online || seeking}
      aria-label={t('publishOneNamed', { name: label })}
      onClick={() => controller.act({ do: 'command', node: id, command: 'publish-one' })}
    >
      {t('publishOne')}
    </button>
  );
}
