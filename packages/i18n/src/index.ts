export { type Catalogues, pick } from "./catalogue.js";
export { DEFAULT_LANG, LANGS, type Lang, langArgument, langOf, parseLang, resolveLang } from "./lang.js";
