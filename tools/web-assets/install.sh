#!/usr/bin/env bash
# Installs what the readers' edition needs beside the .NET SDK, idempotently:
#   - the npm packages in this folder (plotly.js, KaTeX, Prism, require.js), from package-lock.json;
#   - on Debian: Chromium, which draws the static chart images and runs the browser tests, with the fonts the
#     committed images were drawn with, and nbconvert, which renders notebooks as static renderers show them;
#   - npm itself when missing.
# Elsewhere (e.g. Ubuntu, whose chromium is a snap) Chromium is left out: runs then skip static images and say so;
# set ACTIONGEN_CHROMIUM to a Chrome or Chromium binary to use one. Runs as root or with sudo.
set -euo pipefail
cd "$(dirname "$0")"

sudo=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo="sudo"; fi
os=""
if [ -r /etc/os-release ]; then os=$(. /etc/os-release && echo "${ID:-}"); fi

packages=()
command -v npm >/dev/null || packages+=(npm)
if [ "$os" = "debian" ]; then
  [ -x /usr/bin/chromium ] || packages+=(chromium fonts-dejavu-core fonts-liberation)
  command -v jupyter-nbconvert >/dev/null || packages+=(jupyter-nbconvert)
fi
if [ ${#packages[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    echo "installing with apt-get: ${packages[*]}"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
  else
    echo "cannot install ${packages[*]}: no apt-get here" >&2
  fi
fi

npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

if [ -z "${ACTIONGEN_CHROMIUM:-}" ] && ! [ -x /usr/bin/chromium ] && ! [ -x /usr/bin/chromium-browser ] && ! [ -x /usr/bin/google-chrome ]; then
  echo "No Chromium here: notebook runs skip static chart images (and say so); the site still builds."
fi
