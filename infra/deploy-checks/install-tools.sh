#!/usr/bin/env bash
# Puts the deployment-check tools into .cache/ (gitignored) once; a second run finds them
# and returns at once. Helm and actionlint build from the Go module proxy; the Python
# tools go into a virtualenv pinned by requirements.txt.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/infra/deploy-checks"
bin="$root/.cache/bin"
venv="$root/.cache/deploy-checks-venv"
HELM_VERSION=v3.21.4
ACTIONLINT_VERSION=v1.7.12
mkdir -p "$bin"

# Rebuild a Go tool only when the binary is missing or was built from another version
# (`go version -m` reads the module version the binary records).
go_tool() { # name, package path, module version
  local name=$1 package=$2 version=$3
  if [ -x "$bin/$name" ] && go version -m "$bin/$name" | grep -q "^[[:space:]]*mod[[:space:]].*[[:space:]]${version}[[:space:]]"; then return; fi
  echo "[deploy-checks] building $name $version from the Go module proxy"
  GOBIN="$bin" go install "$package@$version"
}
go_tool helm helm.sh/helm/v3/cmd/helm "$HELM_VERSION"
go_tool actionlint github.com/rhysd/actionlint/cmd/actionlint "$ACTIONLINT_VERSION"

# The venv is rebuilt when requirements.txt changes (the stamp holds the hash it was built from)
# or when its interpreter no longer runs (a restored cache whose Python moved).
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || ! "$venv/bin/python" -c 'import kubernetes_validate' 2>/dev/null; then
  echo "[deploy-checks] installing the Python tools into .cache/deploy-checks-venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  echo "$want" > "$stamp"
fi
