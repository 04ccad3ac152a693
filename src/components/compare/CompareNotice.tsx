import { useT } from '../../i18n/useT';
import { useApp } from '../../store/appStore';

/**
 * In compare view, what was not opened (a file, a paste, a link): each problem located, and
 * that the comparison on screen did not change.
 */
export function CompareNotice() {
  const { t, lang } = useT();
  const notice = useApp((s) => s.notice);
  const dismiss = useApp((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice cmp__notice" role="alert">
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
        <p className="notice__kept">{t('compareKept')}</p>
      </div>
      <button type="button" className="button button--quiet" onClick={dismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
