/** The build-time module of scripts/first-screen-plugin.mjs; src/app/firstScreen.ts gives it its types. */
declare module 'virtual:microsim/first-screen' {
  export const BUILTIN_MENU: unknown;
  export const DEFAULT_BUILTIN: unknown;
  export const KIND_TRAITS: unknown;
  export const LAYOUT_TABLE: unknown;
}

/** The default scenario's tour, parsed at build time (scripts/first-screen-data.ts); src/app/defaultScenario.ts gives it its type. */
declare module 'virtual:microsim/default-tour' {
  export const DEFAULT_TOUR: unknown;
}
