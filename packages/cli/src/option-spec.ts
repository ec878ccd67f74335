/** A switch: present or not (`--json`). */
export interface FlagOption {
  readonly type: "flag";
  readonly short?: string;
}

/** Free text (`--host`, `--lang`); empty is refused unless `allowEmpty`. */
export interface TextOption {
  readonly type: "text";
  readonly short?: string;
  readonly allowEmpty?: boolean;
}

/** A file or folder name; never empty (`--out ""` would mean the current folder by accident). */
export interface PathOption {
  readonly type: "path";
  readonly short?: string;
}

/** A whole number from `min` (to `max`). */
export interface IntegerOption {
  readonly type: "integer";
  readonly min: number;
  readonly max?: number;
  readonly short?: string;
}

/** A finite number from `min` (to `max`). */
export interface NumberOption {
  readonly type: "number";
  readonly min: number;
  readonly max?: number;
  readonly short?: string;
}

/** Seconds, from `min` to `max`: always bounded, since a typo of 10^9 s would otherwise run for decades. */
export interface DurationOption {
  readonly type: "duration";
  readonly min: number;
  readonly max: number;
  readonly short?: string;
}

/**
 * A comma-separated list. With `valid`, every item must be one of them (`all` may stand for every one when
 * `all` is set); `unknown` words the error about an item that is not (else the parser's own line).
 */
export interface ListOption<T extends string = string> {
  readonly type: "list";
  readonly valid?: readonly T[];
  readonly all?: boolean;
  readonly unknown?: (item: string, valid: readonly string[]) => string;
  readonly short?: string;
}

export type OptionSpec =
  | FlagOption
  | TextOption
  | PathOption
  | IntegerOption
  | NumberOption
  | DurationOption
  | ListOption;

export type OptionSpecs = { readonly [name: string]: OptionSpec };

/** What a parsed option holds: a flag is a boolean, anything else is undefined when not given. */
export type OptionValue<O> = O extends FlagOption
  ? boolean
  : O extends IntegerOption | NumberOption | DurationOption
    ? number | undefined
    : O extends ListOption<infer T>
      ? T[] | undefined
      : string | undefined;

export type OptionValues<S extends OptionSpecs> = { readonly [K in keyof S]: OptionValue<S[K]> };

/** A list of known ids, for {@link ListOption}: `list(TARGET_IDS, { all: true })`. */
export function list<T extends string>(
  valid: readonly T[],
  options: {
    readonly all?: boolean;
    readonly unknown?: (item: string, valid: readonly string[]) => string;
  } = {},
): ListOption<T> {
  return { type: "list", valid, ...options };
}
