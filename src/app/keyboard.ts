import type { SimController } from './controller';

/** Whether the focused element gives `key` a meaning of its own (typing, a slider, pressing a button). */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // A slider uses the arrows, not Space.
  if (target instanceof HTMLInputElement && target.type === 'range') return key !== ' ';
  // A closed menu keeps ↑/↓ and letters to change its choice; Space and → stay the app's, so
  // after picking a scenario with the mouse they play and step instead of reopening or
  // switching the menu.
  if (target instanceof HTMLSelectElement) return key !== ' ' && key !== 'ArrowRight';
  if (target.isContentEditable || /^(INPUT|TEXTAREA)$/.test(target.tagName)) return true;
  // Space presses a focused button or switch; arrows mean nothing to them.
  return key === ' ' && (/^(BUTTON|A|SUMMARY)$/.test(target.tagName) || target.getAttribute('role') === 'switch');
}

/**
 * The keyboard shortcuts: Space plays or pauses, → steps one event. Keys typed into a field,
 * or pressed on a focused button or slider, keep their own meaning. Returns the uninstall.
 */
export function installShortcuts(controller: SimController, target: Window = window): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || ownsKey(e.target, e.key)) return;
    if (e.key === ' ') {
      e.preventDefault();
      controller.toggle();
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      controller.step();
    }
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
