import { appStore } from '../store/appStore';
import { frameStore } from '../store/frameStore';
import { SimController } from './controller';

/** The app's one controller, wired to the app's stores. */
export const controller = new SimController(appStore, frameStore);
