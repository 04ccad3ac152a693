/**
 * A schema (or any object) built on first use: `make` runs the first time anything reads it,
 * and every read after that goes to what it made. Building zod schemas is most of the engine
 * chunk's evaluation, and a load needs none of them: the built-ins are parsed at build time
 * (see src/app/loaderBuiltins.ts), so schemas are built when a file, a link, a paste or an
 * edit is first checked. The value has `make`'s type, so callers and `z.infer` see no difference.
 */
export function lazySchema<T extends object>(make: () => T): T {
  let made: T | undefined;
  const real = (): T => {
    if (made === undefined) {
      made = make();
      built++;
    }
    return made;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      // The stand-in has no properties of its own, so it may only report configurable ones.
      if (d) d.configurable = true;
      return d;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    defineProperty: (_, key, d) => Reflect.defineProperty(real(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
  });
}

let built = 0;

/** How many lazySchema values have been built so far (a test checks a load builds none). */
export function lazySchemasBuilt(): number {
  return built;
}
