// Writes public/scenario.schema.json from the zod schemas. Usage: npx tsx scripts/scenario-schema.ts
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText } from '../src/sim/engine/scenarioJsonSchema';

const out = new URL('../public/scenario.schema.json', import.meta.url);
writeFileSync(out, scenarioJsonSchemaText());
console.log(`scenario-schema: wrote ${out.pathname}`);
