#!/usr/bin/env bash
# The deployment checks, all offline. The Helm chart lints and renders (default values, the
# production and the single-node examples); every rendered resource validates against the
# Kubernetes and operator schemas with unknown fields as errors; a typo planted in the chart, and a
# misspelled value, must each be refused. Then actionlint on the workflows, shellcheck on these
# scripts, hadolint on the Dockerfiles, and `docker compose config` on docker-compose.yml.
# Tools are built or installed into .cache/ on first use. Exits 1 when any check fails.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root" || exit 1
started=$(date +%s%N)
bash infra/deploy-checks/install-tools.sh || { echo "[deploy-checks] could not install the tools"; exit 1; }
export PATH="$root/.cache/bin:$root/.cache/deploy-checks-venv/bin:$PATH"

here=infra/deploy-checks
chart=infra/helm/paymesh
production=$chart/values-production-example.yaml
single_node=$chart/values-single-node-example.yaml
out=.cache/deploy-checks
KUBE_VERSION=1.33
rm -rf "$out" && mkdir -p "$out"

results=()
# Runs one check, shows its output indented, and records PASS or FAIL with its duration.
check() {
  local name=$1 began status
  shift
  began=$(date +%s%N)
  echo "[deploy-checks] $name"
  "$@" 2>&1 | sed 's/^/    /'
  status=${PIPESTATUS[0]}
  results+=("$([ "$status" -eq 0 ] && echo PASS || echo FAIL) $name ($(elapsed "$began") s)")
}
elapsed() { local ns=$(($(date +%s%N) - $1)); printf '%d.%d' $((ns / 1000000000)) $((ns / 100000000 % 10)); }

# Renders the default values, the two examples, and a copy of the chart with a misspelled
# field in a core kind (Deployment) and in a custom resource (KafkaTopic).
render_all() {
  helm template paymesh $chart --namespace paymesh --kube-version $KUBE_VERSION > "$out/default.yaml" &&
    helm template paymesh $chart -f $production --namespace paymesh --kube-version $KUBE_VERSION > "$out/production.yaml" &&
    helm template paymesh $chart -f $single_node --namespace paymesh --kube-version $KUBE_VERSION > "$out/single-node.yaml" &&
    rm -rf "$out/typo-chart" && cp -r $chart "$out/typo-chart" &&
    sed -i 's/^  replicas:/  replica:/' "$out/typo-chart/templates/_workload.tpl" &&
    sed -i 's/^  partitions:/  partition:/' "$out/typo-chart/templates/kafka-topics.yaml" &&
    helm template paymesh "$out/typo-chart" --kube-version $KUBE_VERSION > "$out/typo.yaml"
}

# One process for every file: loading the schemas is most of the cost.
validate_all() {
  python3 $here/validate.py --kube-version $KUBE_VERSION "$out/default.yaml" "$out/production.yaml" "$out/single-node.yaml" \
    --planted "$out/typo.yaml" --expect-error "'replica' was unexpected" --expect-error "'partition' was unexpected"
}

# values.schema.json makes a misspelled value key an error too, before anything renders.
misspelled_value_is_refused() {
  if helm template paymesh $chart --kube-version $KUBE_VERSION --set gateway.replicaCont=3 > /dev/null 2> "$out/value-typo.err"; then
    echo "helm accepted the misspelled value gateway.replicaCont"
    return 1
  fi
  grep "replicaCont" "$out/value-typo.err"
}

dockerfiles() { find . -name Dockerfile -not -path './node_modules/*' -not -path './.cache/*' -not -path './.data/*' | sort; }

check "helm lint, default values" helm lint --strict --kube-version $KUBE_VERSION $chart
check "helm lint, production example" helm lint --strict --kube-version $KUBE_VERSION $chart -f $production
check "helm lint, single-node example" helm lint --strict --kube-version $KUBE_VERSION $chart -f $single_node
check "helm template: default values, both examples, planted typos" render_all
check "validate every resource (unknown fields are errors); the planted typos are caught" validate_all
check "a misspelled value is refused" misspelled_value_is_refused
check "actionlint .github/workflows" actionlint
check "shellcheck infra/deploy-checks" shellcheck infra/deploy-checks/*.sh
# shellcheck disable=SC2046 # one argument per Dockerfile path
check "hadolint (warning level) $(dockerfiles | xargs)" hadolint --no-color --failure-threshold warning $(dockerfiles)
check "docker compose config" docker-compose -f docker-compose.yml config --quiet

failed=0
echo "[deploy-checks] summary ($(elapsed "$started") s):"
for result in "${results[@]}"; do
  echo "  $result"
  [[ $result == FAIL* ]] && failed=$((failed + 1))
done
if [ "$failed" -gt 0 ]; then
  echo "[deploy-checks] $failed of ${#results[@]} checks FAILED"
  exit 1
fi
echo "[deploy-checks] all ${#results[@]} checks passed"
