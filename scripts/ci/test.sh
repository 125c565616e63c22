#!/usr/bin/env bash
# The README's two commands, after install.sh's `npm ci`: a build of the repository's
# own book, then the tests (typecheck first). Arguments go to jest (which tests to run);
# without any, every test runs.
set -euo pipefail
npm run build
npm test -- "$@"
