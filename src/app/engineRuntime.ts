import { appStore } from '../store/appStore';
import { frameStore } from '../store/frameStore';
import { SimController } from './controller';
import { installController } from './runtime';
// The models' reasons in both languages: narrated only once the engine runs (see reasonLookup.ts).
import '../components/models/reasons';
// dagre, for every layout after the first screen's (see dagreFirstScreen.ts).
import './dagreReal';

/**
 * The engine's side of the app, loaded after the first paint (see runtime.ts): builds the real
 * controller and hands it to the stand-in. The loader comes with it.
 */
installController(new SimController(appStore, frameStore));

export * from './loader';
