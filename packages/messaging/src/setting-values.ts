import { listFromEnv } from "./deployment.js";
import { InvalidArgumentError } from "./errors.js";

/**
 * Values of BROKERLAB_* variables, checked when a target's settings are read: a bad value is one
 * InvalidArgumentError naming the variable, the value (credentials masked) and what is expected, before any
 * connection is tried, instead of a client library's NaN port or "is the broker running?" later.
 */

const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/i;

function refuse(variable: string, value: string, problem: string, expected: string): never {
  throw new InvalidArgumentError(
    `${variable}="${maskUrlCredentials(value)}" is not valid: ${problem}; expected ${expected}`,
  );
}

/** Text as it may be printed: the user:password part of every URL in it replaced (`scheme://***@host`). */
export function maskUrlCredentials(value: string): string {
  return value.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, "$1***@");
}

/** A TCP port as written: a whole decimal number from 1 to 65535 (no hex, no sign, no spaces). */
function isPort(text: string): boolean {
  return /^[0-9]{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65_535;
}

/** A comma-separated `host:port` list (default `fallback` when unset or empty). */
export function hostPortList(
  variable: string,
  value: string | undefined,
  fallback: readonly string[],
): string[] {
  const items = listFromEnv(value, fallback);
  const expected = "host:port, comma-separated, e.g. 127.0.0.1:9092";
  for (const item of items) {
    const colon = item.lastIndexOf(":");
    if (colon < 0) refuse(variable, value ?? "", `"${item}" has no port`, expected);
    const host = item.slice(0, colon);
    const port = item.slice(colon + 1);
    if (!HOST.test(host)) refuse(variable, value ?? "", `"${host}" is not a host name or address`, expected);
    if (!isPort(port))
      refuse(variable, value ?? "", `port "${port}" is not a number from 1 to 65535`, expected);
  }
  return items;
}

/**
 * A broker URL with one of `schemes` (e.g. `["redis:", "rediss:"]`); `fallback` when unset or empty. `example`
 * is a URL that works, shown as the fix.
 */
export function brokerUrl(
  variable: string,
  value: string | undefined,
  fallback: string,
  schemes: readonly string[],
  example: string,
): string {
  if (value === undefined || value === "") return fallback;
  const expected = `a ${schemes.map((scheme) => `${scheme}//`).join(" or ")} URL, e.g. ${example}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // WHATWG URL refuses an out-of-range port too; say which part is wrong where it can be told.
    const port = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/@]*@)?[^/:]*:([^/]*)/i.exec(value)?.[1];
    if (port !== undefined && !isPort(port))
      refuse(variable, value, `port "${port}" is not a number from 1 to 65535`, expected);
    return refuse(variable, value, "it is not a URL", expected);
  }
  if (!schemes.includes(url.protocol)) refuse(variable, value, `the scheme is ${url.protocol}//`, expected);
  if (url.hostname === "") refuse(variable, value, "it names no host", expected);
  if (url.port !== "" && !isPort(url.port))
    refuse(variable, value, `port "${url.port}" is not a number from 1 to 65535`, expected);
  return value;
}

/** A list of broker URLs, each as {@link brokerUrl} checks it. */
export function brokerUrlList(
  variable: string,
  value: string | undefined,
  fallback: readonly string[],
  schemes: readonly string[],
  example: string,
): string[] {
  return listFromEnv(value, fallback).map((item) => brokerUrl(variable, item, item, schemes, example));
}

/** `true` or `false` (default `fallback` when unset or empty). */
export function booleanSetting(variable: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  if (value === "true") return true;
  if (value === "false") return false;
  return refuse(variable, value, "it is neither true nor false", "true or false");
}

/** One of `choices` (default `fallback` when unset or empty). */
export function choiceSetting<T extends string>(
  variable: string,
  value: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value === "") return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  return refuse(variable, value, "it is not a known value", `one of ${choices.join(", ")}`);
}
