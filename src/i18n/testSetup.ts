import { loadPhrases } from '../components/models/phraseStore';
import { loadFieldNames } from './fieldNames';
import { loadLang } from './translate';

// Unit tests translate into both languages at once: load both before any test runs (the app
// loads the one shown first and the other when idle; see translate.ts).
await Promise.all([loadLang('en'), loadLang('es')]);

// And the families' event sentences and the setting names, which the app loads with the engine.
await Promise.all([loadPhrases(), loadFieldNames()]);
