#!/usr/bin/env bash
# Installs the locked packages. npm's download cache (~/.npm) is restored by the workflow
# before this step, so most of it comes from the cache.
set -euo pipefail
npm ci --prefer-offline --no-audit --no-fund
