#!/usr/bin/env bash
# Install the Debian packages listed in scripts/system-packages.txt when any is missing.
# As root it uses apt-get; otherwise it names the missing packages and fails.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mapfile -t wanted < <(grep -v -E '^\s*(#|$)' "$here/system-packages.txt")
missing=()
for p in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all ${#wanted[@]} present"
  exit 0
fi
echo "system packages missing: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "error: run as root, or install them yourself: apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
# matplotlib caches the font list: start a fresh cache so new fonts are seen
rm -rf "$here/../.cache/matplotlib"
