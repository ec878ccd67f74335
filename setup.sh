#!/usr/bin/env bash
# Brings a fresh clone to a runnable state on a machine with Node 20+ and npm:
# pnpm (at the version package.json pins), the workspace's dependencies, and Debian's Chromium
# for the HTML report tests. Brokers are not started here: `pnpm brokers up` (run by `pnpm start`
# and `pnpm test`) does that. Safe to run again; it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  say "Node 20 or newer is needed (found: $(node --version 2>/dev/null || echo none)); install it, then run this again."
  exit 1
fi

pnpm_version=$(node -p 'require("./package.json").packageManager.split("@")[1]')
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  say "installing pnpm $pnpm_version with npm"
  npm install -g "pnpm@$pnpm_version" --silent
fi

say "installing workspace dependencies"
if [ "${CI:-}" = "true" ]; then pnpm install --frozen-lockfile; else pnpm install; fi

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's chromium (used to check the HTML reports)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    say "chromium is missing: install it (Debian: apt-get install chromium) for the HTML report tests"
  fi
fi
# iptables: `pnpm brokers fault isolate` cuts a cluster node off from its peers with it.
if ! command -v iptables >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's iptables (used by pnpm brokers fault isolate)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iptables >/dev/null
  else
    say "iptables is missing: install it for pnpm brokers fault isolate (the other faults work without it)"
  fi
fi
# The Korean reports (--lang ko) need a font with Hangul for Chromium to render them (and the test to check it).
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=ko 2>/dev/null)" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's fonts-nanum (Hangul for the Korean HTML reports)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-nanum >/dev/null
  else
    say "no Korean font: install one (Debian: apt-get install fonts-nanum) for the Korean HTML reports"
  fi
fi
say "ready"
