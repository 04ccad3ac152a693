import { M, Presence } from '../app/motionLazy';
import type { DictKey } from '../i18n/en';
import { useT } from '../i18n/useT';
import { useApp } from '../store/appStore';

interface NoticeBannerProps {
  /**
   * What stays on screen, said after the problems whatever the notice says (compare view: the
   * comparison). Without it, the notice's own `instead` decides.
   */
  kept?: DictKey;
  className?: string;
}

/**
 * The error banner of both views: what was rejected (a file, a paste, a link) or what stopped
 * the engine, each problem with its location, in the learner's language, and what stays on screen.
 */
export function NoticeBanner({ kept, className }: NoticeBannerProps) {
  const { t, lang } = useT();
  const notice = useApp((s) => s.notice);
  const dismiss = useApp((s) => s.dismissNotice);
  const keptLine = kept ?? (notice?.instead === 'default' ? 'showingDefault' : notice?.instead === 'unchanged' ? 'keptScenario' : undefined);
  return (
    <Presence>
      {notice ? (
        <M.div
          key="notice"
          className={className ? `notice ${className}` : 'notice'}
          role="alert"
          initial={{ opacity: 0, y: -8 }}
          animate={{ opacity: 1, y: 0 }}
          exit={{ opacity: 0, y: -8 }}
          transition={{ duration: 0.18 }}
        >
          <div className="notice__body">
            <strong className="notice__title">{t(notice.title)}</strong>
            <ul className="notice__issues">
              {notice.issues[lang].map((issue, i) => (
                <li key={i}>
                  {issue.path ? <code className="notice__path">{issue.path}</code> : null}
                  {issue.path ? ': ' : null}
                  {issue.message}
                </li>
              ))}
            </ul>
            {keptLine ? <p className="notice__kept">{t(keptLine)}</p> : null}
          </div>
          <button type="button" className="button button--quiet" onClick={dismiss}>
            {t('dismiss')}
          </button>
        </M.div>
      ) : null}
    </Presence>
  );
}
