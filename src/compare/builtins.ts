import { builtin } from '../scenarios';
import compareOrderCreated from '../scenarios/compare-order-created.json';
import compareCascade from '../scenarios/compare-cascade.json';
import { parseComparison, type Comparison } from './comparison';
import { comparisonColumns, type Column } from './generate';

/** The built-in comparisons as written, in menu order. */
export const COMPARISON_FILES: readonly unknown[] = [compareOrderCreated, compareCascade];

/** A built-in comparison, validated, with its columns. A broken built-in is a bug: it throws. */
export interface BuiltinComparison {
  comparison: Comparison;
  columns: Column[];
}

export const COMPARISONS: readonly BuiltinComparison[] = COMPARISON_FILES.map((file) => {
  const parsed = parseComparison(file);
  const id = (file as { id?: string }).id;
  if (!parsed.ok) throw new Error(`built-in comparison ${id} is invalid:\n${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`);
  const columns = comparisonColumns(parsed.comparison, builtin);
  if (!columns.ok) throw new Error(`built-in comparison ${id} makes an invalid scenario:\n${columns.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`);
  return { comparison: parsed.comparison, columns: columns.columns };
});

/** The built-in comparison with this id, or undefined. */
export function builtinComparison(id: string): BuiltinComparison | undefined {
  return COMPARISONS.find((c) => c.comparison.id === id);
}
