#!/usr/bin/env bash
# `folio check`: the manifest, every chapter's frontmatter and every link of every
# edition, without writing anything. Inside GitHub Actions the reporter is github: each
# problem is an annotation on its line of the pull request, and a job summary is written.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"${FOLIO[@]}" check "$BOOK" "${SOURCE_ARGS[@]}"
