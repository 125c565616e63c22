#!/usr/bin/env bash
# The Debian packages Folio's README names: Chromium for the PDF, Java and EPUBCheck,
# calibre, poppler and qpdf for the tests, and the CJK and Khmer fonts. Runs as root (the
# workflows' jobs run in a Debian container). FOLIO_APT_UPDATE=0 skips `apt-get update`
# where the package lists are fresh already.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DEBIAN_FRONTEND=noninteractive
if [ "${FOLIO_APT_UPDATE:-1}" != 0 ]; then apt-get update -q; fi
mapfile -t packages < <(grep -v '^\s*\(#\|$\)' scripts/ci/debian-packages.txt)
# Wait for another apt-get rather than fail on its lock.
apt-get install -y -q -o DPkg::Lock::Timeout=300 "${packages[@]}"
