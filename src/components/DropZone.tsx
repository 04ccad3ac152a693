import { useState, type ReactNode } from 'react';
import { openScenarioFile } from '../app/lazyLoader';
import { useT } from '../i18n/useT';

/** Wraps the page: a scenario file dropped anywhere opens, with a hint while dragging. */
export function DropZone({ children }: { children: ReactNode }) {
  const { t } = useT();
  const [over, setOver] = useState(false);
  return (
    <div
      className="dropzone"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setOver(false);
      }}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        setOver(false);
        void openScenarioFile(file);
      }}
    >
      {children}
      {over ? <div className="dropzone__hint">{t('dropHere')}</div> : null}
    </div>
  );
}
