#!/usr/bin/env bash
# The last job of a sharded build: the shares' files are in dist/ (downloaded by the
# workflow); this writes the index page over them and lists what there is. One build of
# every language writes the same index itself; this makes it once all shares are in.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"${FOLIO[@]}" index "$BOOK" --out dist
ls -l dist
