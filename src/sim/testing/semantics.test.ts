import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEMANTICS_ROWS, type SemanticsRow } from './semanticsTable';

// Every row of SEMANTICS.md (../shared/SEMANTICS.md beside the repository: the defaults microsim
// follows and their sources) and the rows this project added, each with the tests that show it
// (issue #9). A row naming no test, or a test that does not exist, fails here.

const ROOT = resolve(__dirname, '../../..');

const sources = new Map<string, string>();
function source(file: string): string | undefined {
  if (!sources.has(file)) {
    const path = resolve(ROOT, file);
    sources.set(file, existsSync(path) ? readFileSync(path, 'utf8') : '');
  }
  return sources.get(file) || undefined;
}

/** Whether `file` declares a test (it/test) or suite (describe) titled exactly `name`, in any quotes. */
function declares(file: string, name: string): boolean {
  const text = source(file);
  if (!text) return false;
  return ["'", '"', '`'].some((q) => [`it(${q}`, `test(${q}`, `describe(${q}`].some((open) => text.includes(`${open}${name}${q}`)));
}

const label = (r: SemanticsRow) => `${r.section} | ${r.row}`;

describe('SEMANTICS.md, row by row', () => {
  for (const r of SEMANTICS_ROWS) {
    if (r.awaiting) {
      // Not a pass: vitest lists it as a todo, and the report says which branch owes the test.
      it.todo(`${label(r)} (awaiting ${r.awaiting})`);
      continue;
    }
    it(label(r), () => {
      expect(r.tests.length, `${label(r)} names no test`).toBeGreaterThan(0);
      for (const [file, name] of r.tests) {
        expect(source(file), `${label(r)}: no file ${file}`).toBeDefined();
        expect(declares(file, name), `${label(r)}: ${file} has no test "${name}"`).toBe(true);
      }
    });
  }

  it('lists every row once', () => {
    const labels = SEMANTICS_ROWS.map(label);
    expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
  });

  const md = ['../shared/SEMANTICS.md', '../../shared/SEMANTICS.md'].map((p) => resolve(ROOT, p)).find(existsSync);
  it.runIf(md !== undefined)('covers every table row of SEMANTICS.md', () => {
    const listed = new Set(SEMANTICS_ROWS.map(label));
    const missing = tableRows(readFileSync(md!, 'utf8')).filter((l) => !listed.has(l));
    expect(missing).toEqual([]);
  });
});

/**
 * The rows of SEMANTICS.md's tables as "§n | first cell" ("§8 | system / behaviour", whose
 * first cell repeats), header and separator lines left out.
 */
function tableRows(text: string): string[] {
  const out: string[] = [];
  let section = '';
  let header = false;
  for (const line of text.split('\n')) {
    const heading = /^## (\d+)\./.exec(line);
    if (heading) section = `§${heading[1]}`;
    if (!line.startsWith('|')) {
      header = true;
      continue;
    }
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (header || /^-+$/.test(cells[0] ?? '')) {
      header = false;
      continue;
    }
    if (!section) continue;
    const first = cells[0]!.replace(/\*\*/g, '');
    out.push(`${section} | ${section === '§8' ? `${first} / ${cells[1]}` : first}`);
  }
  return out;
}
