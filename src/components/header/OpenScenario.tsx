import { useRef, useState } from 'react';
import { openScenarioFile, openScenarioText } from '../../app/lazyLoader';
import { useT } from '../../i18n/useT';

/** "Open file" (a file input) and "Paste JSON" (a dialog with a text box). */
export function OpenScenario() {
  const { t } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  return (
    <>
      <label className="button button--quiet">
        <input
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          aria-label={t('openFile')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void openScenarioFile(file);
          }}
        />
        <FileIcon />
        {t('openFileShort')}
      </label>
      <button type="button" className="button button--quiet" onClick={() => dialog.current?.showModal()}>
        {t('paste')}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="paste-title">
        <form
          method="dialog"
          onSubmit={() => {
            void Promise.resolve(openScenarioText(text)).then((ok) => ok && setText(''));
          }}
        >
          <h2 id="paste-title" className="dialog__title">{t('pasteTitle')}</h2>
          <p className="dialog__hint">{t('pasteHint')}</p>
          <textarea
            className="dialog__text"
            aria-label={t('pasteTitle')}
            value={text}
            spellCheck={false}
            onChange={(e) => setText(e.target.value)}
          />
          <div className="dialog__actions">
            <button type="button" className="button button--quiet" onClick={() => dialog.current?.close()}>
              {t('cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={!text.trim()}>
              {t('pasteLoad')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

function FileIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M4 1.5h5l3.5 3.5v9.5h-8.5z M9 1.5v3.5h3.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
    </svg>
  );
}
