#!/usr/bin/env bash
# Builds the Prometheus and Alertmanager programs the tests run (prometheus, promtool,
# alertmanager, amtool) from their Go modules at pinned versions, into a cache outside the
# checkout: ${OPSDESK_TOOLS_CACHE:-$HOME/.cache/opsdesk}/<module>-<version>/<binary>.
# Idempotent: a binary that already exists is not rebuilt. OPSDESK_GO_TOOLS="prometheus" (or
# "alertmanager") limits it to one of them. lib/testing/src/programs.ts looks for the binaries at
# the same paths (keep the pins below and PINNED_PROGRAMS there in step).
#
# Prometheus tags its Go module v0.3XX.Y for release 3.XX.Y; the release is read from the
# module's VERSION file. Prometheus is built without the `builtinassets` tag: the web UI is not
# embedded (its assets need npm), the HTTP API, which is all the tests use, is complete.
# Alertmanager (since 0.32) embeds ui/app/dist, which its module does not contain (the UI is built
# with npm and elm); a placeholder page stands in for it, the API and amtool are complete.
set -euo pipefail

cache=${OPSDESK_TOOLS_CACHE:-$HOME/.cache/opsdesk}

# name module version tags binaries... (tags "-" for none)
# Prometheus is built with `remove_all_sd`: only the static, file and http service discoveries are
# compiled in (the tests and provisioning/ use static_configs only), which roughly halves the first
# build on a 2-core machine; promtool still imports Kubernetes SD for `promtool check service-discovery`.
pins=(
  "prometheus github.com/prometheus/prometheus v0.316.0 remove_all_sd prometheus promtool"
  "alertmanager github.com/prometheus/alertmanager v0.35.0 - alertmanager amtool"
)

# a string field of `go mod download -json` (one field per line), without needing jq
json_field() { sed -n "s/^[[:space:]]*\"$1\": \"\(.*\)\",\{0,1\}\$/\1/p" | head -n 1; }

command -v go >/dev/null || { echo "go-tools: Go is not installed (needs Go >= 1.25)" >&2; exit 1; }
mkdir -p "$cache"

only=${OPSDESK_GO_TOOLS:-} # e.g. OPSDESK_GO_TOOLS=alertmanager: only that one
for pin in "${pins[@]}"; do
  read -r name module version tags binaries <<<"$pin"
  [[ $tags == - ]] && tags=""
  [[ -z "$only" || " $only " == *" $name "* ]] || continue
  out="$cache/$name-$version"
  missing=()
  for b in $binaries; do [[ -x "$out/$b" ]] || missing+=("$b"); done

  if ((${#missing[@]} > 0)); then
    info=$(GOWORK=off GOFLAGS=-mod=mod go mod download -json "$module@$version")
    dir=$(json_field Dir <<<"$info")
    [[ -n "$dir" && -d "$dir" ]] || { echo "go-tools: go mod download $module@$version: $info" >&2; exit 1; }
    release=$version
    [[ -f "$dir/VERSION" ]] && release=$(tr -d '[:space:]' <"$dir/VERSION")
    revision=$(json_field Hash <<<"$info")
    [[ -n "$revision" ]] || revision=$version
    build_date=$(date -u +%Y%m%d-%H:%M:%S)
    ldflags="-s -w"
    for kv in "Version=$release" "Revision=$revision" "Branch=$version" "BuildUser=opsdesk-go-tools" "BuildDate=$build_date"; do
      ldflags+=" -X github.com/prometheus/common/version.$kv"
    done

    # The module cache is read-only; build from a writable copy.
    src=$(mktemp -d "${TMPDIR:-/tmp}/opsdesk-go-tools.XXXXXX")
    trap 'chmod -R u+w "$src" 2>/dev/null; rm -rf "$src"' EXIT
    cp -R "$dir/." "$src/"
    chmod -R u+w "$src"
    if grep -qs '^//go:embed app/dist' "$src/ui/web.go" && [[ ! -d "$src/ui/app/dist" ]]; then
      for ui in elm mantine; do
        mkdir -p "$src/ui/app/dist/$ui"
        echo "<!doctype html><title>Alertmanager</title><p>Built by OpsDesk's scripts/go-tools.sh without the web UI; the API is at /api/v2.</p>" >"$src/ui/app/dist/$ui/index.html"
      done
    fi
    mkdir -p "$out"
    for b in "${missing[@]}"; do
      started=$SECONDS
      echo "go-tools: building $b $release ($module@$version)"
      (cd "$src" && GOWORK=off GOFLAGS=-mod=mod CGO_ENABLED=0 go build -trimpath -tags "$tags" -ldflags "$ldflags" -o "$out/$b.tmp" "./cmd/$b")
      mv "$out/$b.tmp" "$out/$b"
      echo "go-tools: built $b in $((SECONDS - started))s"
    done
    chmod -R u+w "$src"
    rm -rf "$src"
    trap - EXIT
  fi

  for b in $binaries; do
    echo "go-tools: $out/$b: $("$out/$b" --version 2>&1 | head -n 1)"
  done
done
