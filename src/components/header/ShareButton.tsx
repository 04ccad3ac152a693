import { useRef, useState } from 'react';
import { shareLink } from '../../app/lazyLoader';
import { useT } from '../../i18n/useT';

/** "Share": builds the link (scenario, seed, recorded actions) and offers it to copy. */
export function ShareButton() {
  const { t } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [link, setLink] = useState('');
  const [copied, setCopied] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--quiet"
        onClick={async () => {
          setCopied(false);
          setLink(await shareLink());
          dialog.current?.showModal();
        }}
      >
        {t('share')}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="share-title">
        <h2 id="share-title" className="dialog__title">{t('shareLink')}</h2>
        <p className="dialog__hint">{t('shareHint')}</p>
        <input className="dialog__link" readOnly value={link} aria-label={t('shareLink')} onFocus={(e) => e.target.select()} />
        <div className="dialog__actions">
          <button
            type="button"
            className="button button--quiet"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(link);
                setCopied(true);
              } catch {
                setCopied(false);
              }
            }}
          >
            {copied ? t('copied') : t('copy')}
          </button>
          <button type="button" className="button button--primary" onClick={() => dialog.current?.close()}>
            {t('close')}
          </button>
        </div>
      </dialog>
    </>
  );
}
