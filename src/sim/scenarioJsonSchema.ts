import { z } from 'zod';
import { scenarioSchema } from './catalog';

/** Where the app serves the schema; built-in files point at it with a relative "$schema". */
export const SCHEMA_PATH = 'scenario.schema.json';

/**
 * The JSON Schema of a scenario file, generated from the zod schemas (the one source of
 * truth), for editors and other tools: what a file may contain as written (defaults optional).
 * Cross-references (a link to a node that exists) are checked by the app, not by the schema.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://microsim.local/${SCHEMA_PATH}`,
    title: 'microsim scenario',
    description: 'A microsim scenario: nodes, links, a seed, timed actions and an optional guided tour.',
  };
}

/** The schema as the committed file holds it: two-space JSON and a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/** The built-in files as the app serves them under public/scenarios/: file name and text, "$schema" pointing one folder up. */
export function publishedBuiltins(files: readonly unknown[]): [string, string][] {
  return files.map((f) => {
    const file = f as { id: string };
    return [`${file.id}.json`, `${JSON.stringify({ ...file, $schema: `../${SCHEMA_PATH}` }, null, 2)}\n`];
  });
}
