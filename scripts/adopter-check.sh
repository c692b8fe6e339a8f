#!/usr/bin/env bash
# The adopter check: Stageline installed into someone else's Backstage, as a user would.
# Builds and packs every publishable package, installs the tarballs into the fixture app in
# adopter/ (outside the workspace, shaped as @backstage/create-app makes an app), type-checks
# and builds that app, starts its backend and checks over HTTP that the Environment kind, the
# environments routes and the scaffolder actions work there, and runs the stageline-cost bin
# from the installed tarball. Fails when Stageline brings a second version of an @backstage
# package into the app (scripts/adopter/duplicates.mjs); the app's own duplicates are printed.
#
# The app is installed in .tooling/adopter (ADOPTER_WORKDIR), kept between runs; packages come
# from yarn's global cache, so a second run downloads nothing.
#   ADOPTER_SKIP_BUILD=1   reuse the tarballs of the last run (no tsc, build or pack)
#   ADOPTER_SKIP_APP=1     skip the frontend build
#   ADOPTER_UPDATE_LOCK=1  copy the app's yarn.lock back into adopter/ after the install
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
yarn_cjs="$repo/.yarn/releases/yarn-4.13.0.cjs"
yarn() { node "$yarn_cjs" "$@"; }
work="${ADOPTER_WORKDIR:-$repo/.tooling/adopter}"
packs="$work/packs"
start=$SECONDS

step() { printf '\n=== adopter: %s (%ss)\n' "$1" "$((SECONDS - start))"; }
fail() {
  printf '\nadopter check FAILED: %s\n' "$1" >&2
  exit 1
}

# Every package that is not private is published.
publishable() {
  for manifest in plugins/*/package.json packages/*/package.json; do
    node -e 'process.exit(require(process.argv[1]).private ? 1 : 0)' "$repo/$manifest" &&
      dirname "$manifest"
  done
}

# What goes into a package's tarball; the tarball of the last run is reused while it is unchanged
# (yarn pack runs backstage-cli's prepack, which takes up to 15 s a package here).
pack_inputs_hash() {
  (
    cd "$1"
    for input in dist bin migrations config.d.ts package.json README.md LICENSE; do
      [ -e "$input" ] && find "$input" -type f
    done | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1
  )
}

if [ "${ADOPTER_SKIP_BUILD:-}" != 1 ]; then
  step "type declarations (yarn tsc)"
  yarn tsc
  step "build (backstage-cli repo build)"
  had_dist=$(ls -d packages/*/dist plugins/*/dist 2>/dev/null || true)
  yarn backstage-cli repo build || fail "the packages do not build"
  mkdir -p "$packs"
  to_pack=()
  for dir in $(publishable); do
    name=$(node -p 'require(process.argv[1]).name' "$repo/$dir/package.json")
    hash=$(pack_inputs_hash "$dir")
    if [ -f "$packs/${name/\//-}.tgz" ] && [ "$(cat "$packs/${name/\//-}.inputs" 2>/dev/null)" = "$hash" ]; then
      echo "$name: unchanged, reusing its tarball"
    else
      to_pack+=(--include "$name")
      echo "$hash" >"$packs/${name/\//-}.inputs.next"
    fi
  done
  if [ "${#to_pack[@]}" -gt 0 ]; then
    step "pack (yarn pack) ${to_pack[*]}"
    yarn workspaces foreach -A --no-private -p -j 2 "${to_pack[@]}" pack --out "$packs/%s.tgz" \
      >"$work/pack.log" 2>&1 || {
      tail -40 "$work/pack.log" >&2
      fail "yarn pack failed (log: $work/pack.log)"
    }
    for next in "$packs"/*.inputs.next; do mv "$next" "${next%.next}"; done
  fi
  # The workspace runs the sources; a dist left behind would go stale (the cost bin prefers it).
  for dist in packages/*/dist plugins/*/dist; do
    grep -qxF "$dist" <<<"$had_dist" || rm -rf "$dist"
  done
fi
for dir in $(publishable); do
  name=$(node -p 'require(process.argv[1]).name' "$repo/$dir/package.json")
  tarball="$packs/${name/\//-}.tgz"
  [ -f "$tarball" ] || fail "no tarball for $name ($tarball)"
  grep -q "\"$name\": \"file:./packs/${name/\//-}.tgz\"" adopter/package.json ||
    fail "adopter/package.json does not resolve $name to its tarball: add it to resolutions"
done

step "install the tarballs into the app ($work)"
mkdir -p "$work"
tar -C adopter --exclude=node_modules --exclude=dist --exclude=packs -cf - . | tar -C "$work" -xf -
# A lockfile makes the app a project of its own, not a part of the workspace above it; without a
# committed one the app resolves what a fresh app would today.
[ -f adopter/yarn.lock ] || : >"$work/yarn.lock"
# The tarballs' checksums change with every source change, so the lockfile may change there.
(cd "$work" && YARN_ENABLE_IMMUTABLE_INSTALLS=false YARN_CHECKSUM_BEHAVIOR=update yarn install) ||
  fail "yarn install of the tarballs failed (above)"
if [ "${ADOPTER_UPDATE_LOCK:-}" = 1 ]; then
  cp "$work/yarn.lock" adopter/yarn.lock
fi
node scripts/adopter/duplicates.mjs "$work" ||
  fail "Stageline brings a second version of an @backstage package into the app (above)"

step "type-check the app against the published types (yarn tsc)"
(cd "$work" && yarn tsc) || fail "the app does not type-check against the packed declarations"

if [ "${ADOPTER_SKIP_APP:-}" != 1 ]; then
  step "build the frontend (backstage-cli package build)"
  (cd "$work/packages/app" && yarn backstage-cli package build >/dev/null) ||
    fail "the app does not build with @stageline/plugin-environments"
fi

step "start the backend"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
cat >"$work/app-config.local.yaml" <<EOF
backend:
  baseUrl: http://localhost:$port
  listen:
    port: $port
EOF
log="$work/backend.log"
(cd "$work/packages/backend" && exec setsid node "$yarn_cjs" start >"$log" 2>&1) &
backend_pid=$!
trap 'kill -- -"$backend_pid" 2>/dev/null || true' EXIT
ready=
for _ in $(seq 1 180); do
  if node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
    "http://localhost:$port/.backstage/health/v1/readiness"; then
    ready=1
    break
  fi
  kill -0 "$backend_pid" 2>/dev/null || break
  sleep 1
done
if [ -z "$ready" ]; then
  tail -40 "$log" >&2
  fail "the backend did not become ready (log: $log)"
fi

step "check the catalog kind, the routes and the actions"
node scripts/adopter/checks.mjs "http://localhost:$port" "$log" || {
  echo "backend log: $log" >&2
  fail "the installed plugins do not work as their READMEs say (above)"
}

step "run stageline-cost from the installed tarball"
installed=$(cd "$work" && yarn stageline-cost examples/stack.yaml --region eu-west-2 --json) ||
  fail "the installed stageline-cost bin failed"
source_run=$(node packages/cost-model/bin/stageline-cost.js adopter/examples/stack.yaml --region eu-west-2 --json)
node scripts/adopter/compareCost.mjs "$installed" "$source_run" ||
  fail "the installed stageline-cost bin does not give the workspace's estimate"

step "passed"
