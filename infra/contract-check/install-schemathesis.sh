#!/usr/bin/env bash
# Puts schemathesis into a virtualenv under .cache/ (gitignored) once. The venv is rebuilt only
# when requirements.txt changes (a stamp holds the hash it was built from) or when its
# interpreter no longer runs (a restored cache whose Python moved); otherwise this returns at once.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
requirements="$root/infra/contract-check/requirements.txt"
venv="$root/.cache/schemathesis-venv"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && "$venv/bin/st" --version > /dev/null 2>&1; then exit 0; fi
echo "[contract-check] installing schemathesis into .cache/schemathesis-venv"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
echo "$want" > "$stamp"
