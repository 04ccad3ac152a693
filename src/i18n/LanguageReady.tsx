import { use, type ReactNode } from 'react';
import { useApp } from '../store/appStore';
import { hasLang, loadLang } from './translate';

/**
 * Renders its children once the strings of the language shown are there (translate.ts loads
 * them in their own chunk, started by the module's first import); until then, nothing (React
 * keeps a prerendered page as it is while it waits).
 */
export function LanguageReady({ children }: { children: ReactNode }) {
  const lang = useApp((s) => s.lang);
  if (!hasLang(lang)) use(loadLang(lang));
  return children;
}
