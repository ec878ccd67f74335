export { type Catalogues, pick } from "./catalogue.js";
export {
  DEFAULT_LANG,
  LANGS,
  type Lang,
  langArgument,
  langOf,
  langOrDefault,
  parseLang,
  resolveLang,
} from "./lang.js";
