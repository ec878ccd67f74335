#!/usr/bin/env bash
# Brings a fresh clone to a runnable state on a machine with Node 20+ and npm:
# pnpm (at the version package.json pins), the workspace's dependencies (including librdkafka's Node
# binding, see below), and Debian's Chromium for the HTML report tests. Brokers are not started here: `pnpm brokers up` (run by `pnpm start`
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

# @confluentinc/kafka-javascript (target kafka-rdkafka) first tries a prebuilt binary from GitHub. Where that
# is out of reach it compiles librdkafka from the sources in its tarball: against the system's OpenSSL, zlib,
# lz4, zstd and SASL (CKJS_LINKING=dynamic; its static build would download those too) and Node's own headers
# where the distribution ships them (else node-gyp downloads them). Once: pnpm keeps the built package.
missing_rdkafka_libs() {
  local lib missing=""
  for lib in g++ make python3 pkg-config libssl-dev zlib1g-dev liblz4-dev libzstd-dev libsasl2-dev; do
    dpkg-query -W -f='${Status}' "$lib" 2>/dev/null | grep -q "install ok installed" || missing="$missing $lib"
  done
  echo "$missing"
}
if command -v dpkg-query >/dev/null 2>&1; then
  missing=$(missing_rdkafka_libs)
  if [ -n "$missing" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's$missing (to build librdkafka where no prebuilt binary can be fetched)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    missing=$(missing_rdkafka_libs)
  fi
  if [ -z "$missing" ]; then
    export CKJS_LINKING=dynamic
  else
    say "missing$missing: if librdkafka has to be built here, install them (apt-get install$missing)"
  fi
fi
node_version=$(node -p 'process.versions.node')
if grep -qs "define NODE_MAJOR_VERSION ${node_version%%.*}\b" /usr/include/node/node_version.h; then
  export npm_config_nodedir=/usr
fi

say "installing workspace dependencies (a first build of librdkafka takes a few minutes)"
started=$(date +%s)
if [ "${CI:-}" = "true" ]; then pnpm install --frozen-lockfile; else pnpm install; fi
say "dependencies installed in $(($(date +%s) - started)) s"

# Installs a Debian package as root, else says what it is for and how to get it.
apt_install() {
  local package=$1 purpose=$2
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's $package ($purpose)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  else
    say "$package is missing: install it (Debian: apt-get install $package); it is $purpose"
  fi
}

command -v chromium >/dev/null 2>&1 || apt_install chromium "used to check the HTML reports"
# iptables: `pnpm brokers fault isolate` cuts a cluster node off from its peers with it.
command -v iptables >/dev/null 2>&1 || apt_install iptables "used by pnpm brokers fault isolate"
# The Korean reports (--lang ko) need a font with Hangul for Chromium to render them (and the test to check it).
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=ko 2>/dev/null)" ]; then
  apt_install fonts-nanum "Hangul for the Korean HTML reports"
fi
say "ready"
