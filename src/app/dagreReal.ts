import dagre from '@dagrejs/dagre';
import { installDagre } from './dagreFirstScreen';

// dagre itself, in the engine chunk (engineRuntime.ts); vite.config.ts resolves this file's
// `@dagrejs/dagre` to the package, every other file's to dagreFirstScreen.ts.
installDagre(dagre);
