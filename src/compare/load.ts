import { builtin } from '../scenarios';
import { formatIssues, type Lang } from '../sim/engine/errors';
import { builtinComparison, type BuiltinComparison } from './builtins';
import { isComparison, parseComparison } from './comparison';
import { comparisonColumns } from './generate';

/** A comparison file that cannot be run, with its located problems. */
export class ComparisonInputError extends Error {}

/**
 * The comparison `target` names: a built-in comparison's id, or a file whose JSON says what it
 * compares. Undefined when the target is not a comparison (then it is a scenario). Throws
 * ComparisonInputError for a comparison file with problems.
 */
export function loadComparison(target: string, readFile: (path: string) => string, lang: Lang = 'en'): BuiltinComparison | undefined {
  const known = builtinComparison(target);
  if (known) return known;
  let data: unknown;
  try {
    data = JSON.parse(readFile(target));
  } catch {
    return undefined; // Not a readable JSON file: the scenario loader says what is wrong.
  }
  if (!isComparison(data)) return undefined;
  const parsed = parseComparison(data, lang);
  const invalid = lang === 'es' ? `${target} no es una comparación válida:` : `${target} is not a valid comparison:`;
  if (!parsed.ok) throw new ComparisonInputError(`${invalid}\n${formatIssues(parsed.issues)}`);
  const columns = comparisonColumns(parsed.comparison, builtin, lang);
  if (!columns.ok) throw new ComparisonInputError(`${invalid}\n${formatIssues(columns.issues)}`);
  return { comparison: parsed.comparison, columns: columns.columns };
}
