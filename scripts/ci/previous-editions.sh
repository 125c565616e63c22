#!/usr/bin/env bash
# Fetches the editions published last (the GitHub Pages site this workflow publishes)
# into previous/, so that build.sh can say what changed (FOLIO_COMPARE=previous). The
# site's address is the repository variable FOLIO_PUBLISHED_URL; without it, or before
# the first publication, nothing is fetched and nothing is compared. Only the HTML and PDF
# files the index page links, beside it, are fetched: they are what --compare reads.
set -euo pipefail
dir=previous
rm -rf "$dir"
mkdir -p "$dir"
url="${FOLIO_PUBLISHED_URL:-}"
url="${url%/}"
if [ -z "$url" ]; then
  echo "FOLIO_PUBLISHED_URL is not set: no earlier editions to compare with"
  exit 0
fi
if ! curl -fsSL --retry 2 "$url/index.html" -o "$dir/index.html"; then
  echo "No published editions at $url yet"
  rm -f "$dir/index.html"
  exit 0
fi
names=$(grep -o 'href="[^"/]*\.\(html\|pdf\)"' "$dir/index.html" | sed 's/^href="//; s/"$//' | sort -u)
rm "$dir/index.html"
for name in $names; do
  case "$name" in .*) continue ;; esac # a file beside the index, nothing else
  curl -fsSL --retry 2 "$url/$name" -o "$dir/$name" || echo "Could not fetch $name"
done
ls -l "$dir"
