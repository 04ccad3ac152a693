import { builtin } from '../scenarios';
import { formatIssues, phrase, type Lang, type ScenarioIssue } from '../sim/engine/errors';
import { depthIssues, readJsonText } from '../sim/engine/bounds';
import { builtinComparison, type BuiltinComparison } from './builtins';
import { isComparison, parseComparison } from './comparison';
import { comparisonColumns } from './generate';

/** A comparison file that cannot be run, with its located problems. */
export class ComparisonInputError extends Error {}

/** A comparison read from a file, a paste or a link: ready to run, or its located problems. */
export type ComparisonRead = { ok: true; entry: BuiltinComparison } | { ok: false; issues: ScenarioIssue[] };

/**
 * Checks untrusted comparison data as the scenario parser checks a scenario: nesting depth,
 * the comparison's schema and references, then every column's scenario through the scenario
 * schema. Never throws.
 */
export function readComparison(data: unknown, lang: Lang = 'en'): ComparisonRead {
  const deep = depthIssues(data, lang);
  if (deep.length > 0) return { ok: false, issues: deep };
  const parsed = parseComparison(data, lang);
  if (!parsed.ok) return parsed;
  const columns = comparisonColumns(parsed.comparison, builtin, lang);
  if (!columns.ok) return columns;
  return { ok: true, entry: { comparison: parsed.comparison, columns: columns.columns } };
}

/** `readComparison` for text: at most LIMITS.fileChars characters of JSON. */
export function readComparisonText(text: string, lang: Lang = 'en'): ComparisonRead {
  const read = readJsonText(text, lang);
  return read.ok ? readComparison(read.data, lang) : read;
}

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
  const read = readComparison(data, lang);
  if (!read.ok) throw new ComparisonInputError(`${phrase(lang, 'notComparison', { file: target })}\n${formatIssues(read.issues)}`);
  return read.entry;
}
