/** Removes credentials from URLs in a message (`scheme://user:password@host` → `scheme://***@host`). */
export function redact(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, "$1***@");
}
