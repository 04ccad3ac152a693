import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules of eslint.config.js catch what they promise: a runtime import cycle, an
 * engine file importing a model, a model importing the UI (by relative path). The rule set is
 * the project's own config; the offending files are fixtures or text linted as if at a path.
 */
const eslint = new ESLint({ ignore: false });

async function ruleIds(code: string | null, filePath: string): Promise<string[]> {
  const [result] = code === null ? await eslint.lintFiles([filePath]) : await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('layering lint', () => {
  it('reports a runtime import cycle', async () => {
    expect(await ruleIds(null, 'src/sim/testing/lint-fixtures/cycle-a.ts')).toContain('import-x/no-cycle');
  }, 120_000);

  it('reports an engine file that imports a model', async () => {
    const code = "import { Producer } from '../models/core/producer';\n\nexport const p = Producer;\n";
    expect(await ruleIds(code, 'src/sim/engine/uses-a-model.ts')).toContain('import-x/no-restricted-paths');
  }, 120_000);

  it('reports an engine file that imports the catalog', async () => {
    const code = "import { CATALOG } from '../catalog';\n\nexport const c = CATALOG;\n";
    expect(await ruleIds(code, 'src/sim/engine/uses-the-catalog.ts')).toContain('import-x/no-restricted-paths');
  }, 120_000);

  it('reports a model that imports the UI by a relative path', async () => {
    const code = "import { formatClock } from '../../../i18n/format';\n\nexport const f = formatClock;\n";
    expect(await ruleIds(code, 'src/sim/models/core/uses-the-ui.ts')).toContain('import-x/no-restricted-paths');
  }, 120_000);

  it('accepts a model that imports the engine', async () => {
    const code = "import { SimNode } from '../../engine/node';\n\nexport const n = SimNode;\n";
    expect(await ruleIds(code, 'src/sim/models/core/uses-the-engine.ts')).toEqual([]);
  }, 120_000);
});
