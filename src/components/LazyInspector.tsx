import { useEffect, useState, type ComponentType } from 'react';
import { whenIdle } from '../app/idle';
import { loadFieldNames } from '../i18n/fieldNames';

type InspectorType = ComponentType;

let loaded: InspectorType | null = null;
const load = () =>
  whenIdle(1000)
    .then(() => Promise.all([import('./inspector/Inspector'), loadFieldNames()]))
    .then(([m]) => {
      loaded = m.Inspector;
      return m.Inspector;
    });

/**
 * The inspector, out of the first load: it shows nothing until a node is selected, so its code
 * (settings form, field names in both languages, live figures) is fetched once the browser is
 * idle after the first render instead of before it (not inside hydration's task). Until it arrives this renders nothing, as the inspector itself
 * does with no selection; a selection made meanwhile opens once it is there.
 */
export function LazyInspector() {
  const [Inspector, setInspector] = useState<InspectorType | null>(() => loaded);
  useEffect(() => {
    if (Inspector) return;
    let live = true;
    void load().then((C) => {
      if (live) setInspector(() => C);
    });
    return () => {
      live = false;
    };
  }, [Inspector]);
  return Inspector ? <Inspector /> : null;
}
