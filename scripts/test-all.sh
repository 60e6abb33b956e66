#!/usr/bin/env bash
# Every test Parity has, in the order a failure is cheapest to find:
# types, lint and format (side by side), unit + integration (SQLite and PostgreSQL), then Chromium journeys.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if node scripts/postgres-ready.mjs postgres://postgres@127.0.0.1:5432/postgres 2>/dev/null; then
    export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres
  fi
fi
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== Integration tests run on SQLite and on PostgreSQL (${TEST_DATABASE_URL%%@*}@…)"
else
  echo "== No PostgreSQL server found at 127.0.0.1:5432: integration tests run on SQLite only"
fi

mkdir -p reports
rm -f reports/vitest.json reports/e2e.json

# The three checks are single-threaded for the most part, so they run side by side; each one's
# output is shown only if it fails.
echo "== Type check, lint and format"
checks=$(mktemp -d)
npm run --silent typecheck > "$checks/typecheck" 2>&1 & typecheck=$!
npx eslint . > "$checks/lint" 2>&1 & lint=$!
npx prettier --check . > "$checks/format" 2>&1 & format=$!
failed=0
wait "$typecheck" || { echo "-- Type check failed:"; cat "$checks/typecheck"; failed=1; }
wait "$lint" || { echo "-- Lint failed:"; cat "$checks/lint"; failed=1; }
wait "$format" || { echo "-- Format check failed:"; cat "$checks/format"; failed=1; }
rm -rf "$checks"
[ "$failed" -eq 0 ] || exit 1

echo "== Unit and integration tests"
# Three test files run at a time on two cores (vitest.config.ts); DuckDB taking every core in each
# only made them wait on one another: one thread each took 16-21% less CPU, and 233-256 s against
# 294-297 s, in two pairs of runs on a slow machine (2026-12-07; within the noise of two CI runs).
# DuckDB's threads are still at work in the browser journeys' server and in the benchmark.
ANALYTICS_THREADS=1 npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json

echo "== Browser journeys in Chromium with axe"
npx playwright test

node scripts/test-summary.mjs reports/vitest.json reports/e2e.json
