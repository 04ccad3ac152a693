/**
 * Serves the production build for the browser tests: builds dist/ first only when it is missing or
 * older than the sources (`npm test` has just built it, side by side with lint and typecheck), then
 * runs `vite preview` on the port given (default 4173) in this process.
 *
 * Usage: node scripts/preview.mjs [port]
 */
import { preview } from 'vite';
import { ensureBuild } from './size-budget.mjs';

const port = Number(process.argv[2] ?? 4173);
ensureBuild();
const server = await preview({ preview: { port, strictPort: true } });
server.printUrls();
