#!/usr/bin/env bash
# Walks the mesh that `docker compose up --wait` started, through the gateway only, as a user
# would: register, create a transaction, pay, then wait for the stats to count both events.
#   bash infra/compose-smoke.sh [gateway URL, default http://127.0.0.1:8080]
# Needs curl and node (node only to read JSON). Exits non-zero at the first step that fails.
set -euo pipefail

API="${1:-http://127.0.0.1:8080}"
USERNAME="smoke_$(date +%s)_$RANDOM"
BODY=$(mktemp)
trap 'rm -f "$BODY"' EXIT

# POST or GET a JSON body; prints the response body; fails unless the status is the expected one.
call() {
  local expected="$1" method="$2" path="$3" body="${4:-}" token="${5:-}"
  local args=(-sS -o "$BODY" -w '%{http_code}' -X "$method" "$API$path")
  [ -n "$body" ] && args+=(-H 'content-type: application/json' -d "$body")
  [ -n "$token" ] && args+=(-H "authorization: Bearer $token")
  local status
  status=$(curl "${args[@]}")
  if [ "$status" != "$expected" ]; then
    echo "[smoke] $method $path answered $status, expected $expected: $(cat "$BODY")" >&2
    exit 1
  fi
  cat "$BODY"
}

field() { node -e 'const v = JSON.parse(require("fs").readFileSync(0, "utf8"))[process.argv[1]]; console.log(v ?? "")' "$1"; }

echo "[smoke] gateway health"
call 200 GET /health > /dev/null

echo "[smoke] register $USERNAME"
TOKEN=$(call 201 POST /auth/register "{\"username\":\"$USERNAME\",\"password\":\"correct horse battery\"}" | field token)

BEFORE=$(call 200 GET /stats | field total_transactions)

echo "[smoke] create a transaction of 12.50"
call 201 POST /payment/transactions '{"amount": 12.5, "description": "compose smoke"}' "$TOKEN" > /dev/null

echo "[smoke] pay"
PAID=$(call 200 POST /payment/transactions/pay '' "$TOKEN" | field transactions_paid)
[ "$PAID" = "1" ] || { echo "[smoke] pay settled $PAID transactions, expected 1" >&2; exit 1; }

echo "[smoke] stats count the new transaction (through the outbox, Kafka and analytics)"
for _ in $(seq 1 60); do
  NOW=$(call 200 GET /stats | field total_transactions)
  if [ "$NOW" -ge $((BEFORE + 1)) ]; then
    echo "[smoke] ok: total_transactions $BEFORE -> $NOW"
    exit 0
  fi
  sleep 1
done
echo "[smoke] stats still count $NOW transactions after 60 s, expected at least $((BEFORE + 1))" >&2
exit 1
