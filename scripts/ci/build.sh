#!/usr/bin/env bash
# Builds the editions into dist/: every format (FOLIO_FORMATS narrows them), every
# language, or with SHARD=i/n the i-th of n balanced shares of the languages (a job of
# the matrix). With FOLIO_COMPARE set to a folder of earlier editions, the summary says
# what changed. Exit code 1 when an edition has errors; the others are written anyway,
# so the steps after this one upload what was built.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
args=(build "$BOOK" --out dist --format "${FOLIO_FORMATS:-html,epub,pdf}" "${SOURCE_ARGS[@]}")
if [ -n "${SHARD:-}" ]; then args+=(--shard "$SHARD"); fi
# Compare only with a folder that holds something (previous-editions.sh may have found nothing).
if [ -n "${FOLIO_COMPARE:-}" ] && [ -n "$(ls -A "$FOLIO_COMPARE" 2>/dev/null)" ]; then args+=(--compare "$FOLIO_COMPARE"); fi
"${FOLIO[@]}" "${args[@]}"
