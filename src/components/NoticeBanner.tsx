import { AnimatePresence, m } from 'motion/react';
import { useT } from '../i18n/useT';
import { useApp } from '../store/appStore';

/** The error banner: what was rejected, each problem with its location, and that nothing changed. */
export function NoticeBanner() {
  const { t, lang } = useT();
  const notice = useApp((s) => s.notice);
  const dismiss = useApp((s) => s.dismissNotice);
  return (
    <AnimatePresence>
      {notice ? (
        <m.div
          key="notice"
          className="notice"
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
            {notice.instead ? <p className="notice__kept">{t(notice.instead === 'default' ? 'showingDefault' : 'keptScenario')}</p> : null}
          </div>
          <button type="button" className="button button--quiet" onClick={dismiss}>
            {t('dismiss')}
          </button>
        </m.div>
      ) : null}
    </AnimatePresence>
  );
}
