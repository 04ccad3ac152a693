// Writes public/scenario.schema.json from the zod schemas, and public/scenarios/<id>.json (the
// built-ins, for ?scenario=scenarios/<id>.json). Usage: npx tsx scripts/scenario-schema.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { publishedBuiltins, scenarioJsonSchemaText } from '../src/sim/scenarioJsonSchema';
import { BUILTIN_FILES } from '../src/scenarios';

const out = new URL('../public/', import.meta.url);
writeFileSync(new URL('scenario.schema.json', out), scenarioJsonSchemaText());
mkdirSync(new URL('scenarios/', out), { recursive: true });
for (const [name, text] of publishedBuiltins(BUILTIN_FILES)) writeFileSync(new URL(`scenarios/${name}`, out), text);
console.log(`scenario-schema: wrote ${out.pathname}scenario.schema.json and ${BUILTIN_FILES.length} files in scenarios/`);
