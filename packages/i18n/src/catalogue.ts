import type { Lang } from "./lang.js";

/**
 * One catalogue per language, all of one shape `M`. Write the English one as a plain object, take
 * `type M = typeof en`, and declare the others as `const ko: M = { … }`: a missing key, an extra key or a
 * message with other parameters fails to compile, and so does a language in {@link Lang} without a catalogue.
 */
export type Catalogues<M> = { readonly [L in Lang]: M };

export function pick<M>(catalogues: Catalogues<M>, lang: Lang): M {
  return catalogues[lang];
}
