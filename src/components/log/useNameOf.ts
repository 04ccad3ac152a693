import { useMemo } from 'react';
import type { NameOf } from '../../app/describe';
import { localize } from '../../i18n/localize';
import { drawnScenario, useApp } from '../../store/appStore';

/** How node ids read in sentences now: each node's label in the current language, else its id. */
export function useNameOf(): NameOf {
  const scenario = useApp(drawnScenario);
  const lang = useApp((s) => s.lang);
  return useMemo(() => {
    const names = new Map((scenario?.nodes ?? []).map((n) => [n.id, localize(n.label, lang, n.id)]));
    return (id: string) => names.get(id) ?? id;
  }, [scenario, lang]);
}
