// node duplicates.mjs <app dir>: the @backstage packages installed in more than one version in
// the adopter app, split into the copies Stageline brings and those the app brings itself.
// A second copy of a package that holds a plugin's extension points or API refs (catalog-node,
// scaffolder-node, catalog-react, frontend-plugin-api, ...) is what an adopter notices first.
//
// It follows the installed tree as Node resolves it (node_modules linker), from the app's
// workspaces, twice: once without entering any @stageline package (what the app loads on its
// own) and once with them. A version that only the second walk reaches is one Stageline adds.
// Exits 1 when Stageline adds a second version of an @backstage package; the app's own
// duplicates (a create-app template is never fully up to date) are printed and allowed.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = realpathSync(process.argv[2]);
const workspaces = ['.', 'packages/app', 'packages/backend'].map(ws =>
  join(root, ws),
);

function manifestOf(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

/** Where `name` is found from `dir`, as Node's resolution walks up node_modules. */
function resolveFrom(dir, name) {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) {
      return realpathSync(candidate);
    }
    if (at === root || at === dirname(at)) return undefined;
  }
}

/**
 * Every installed package reachable from the workspaces: dir -> { name, version, via }, where
 * `via` is the first @stageline package on the way (undefined when none was crossed).
 */
function walk({ enterStageline }) {
  const seen = new Map();
  const queue = workspaces
    .filter(dir => existsSync(join(dir, 'package.json')))
    .map(dir => ({ dir, via: undefined, workspace: true }));
  while (queue.length > 0) {
    const { dir, via, workspace } = queue.shift();
    if (seen.has(dir)) continue;
    const manifest = manifestOf(dir);
    seen.set(dir, { name: manifest.name, version: manifest.version, via });
    const names = Object.keys({
      ...manifest.dependencies,
      ...manifest.optionalDependencies,
      ...manifest.peerDependencies,
      ...(workspace ? manifest.devDependencies : {}),
    });
    for (const name of names) {
      if (name.startsWith('@stageline/') && !enterStageline) continue;
      const target = resolveFrom(dir, name);
      if (!target || seen.has(target)) continue;
      const nextVia =
        via ?? (name.startsWith('@stageline/') ? name : undefined);
      queue.push({ dir: target, via: nextVia, workspace: false });
    }
  }
  return seen;
}

function versionsByName(installed) {
  const byName = new Map();
  for (const { name, version, via } of installed.values()) {
    if (!name?.startsWith('@backstage/')) continue;
    const versions = byName.get(name) ?? new Map();
    const vias = versions.get(version) ?? new Set();
    if (via) vias.add(via);
    versions.set(version, vias);
    byName.set(name, versions);
  }
  return byName;
}

const withStageline = versionsByName(walk({ enterStageline: true }));
const appAlone = versionsByName(walk({ enterStageline: false }));

const fromStageline = [];
const fromApp = [];
for (const [name, versions] of [...withStageline].sort(([a], [b]) =>
  a.localeCompare(b),
)) {
  if (versions.size < 2) continue;
  const added = [...versions.keys()].filter(v => !appAlone.get(name)?.has(v));
  const describe = [...versions]
    .map(([version, vias]) =>
      added.includes(version)
        ? `${version} (from ${[...vias].join(', ')})`
        : `${version}`,
    )
    .join('; ');
  (added.length > 0 ? fromStageline : fromApp).push(`  ${name}: ${describe}`);
}

if (fromApp.length > 0) {
  console.log(
    `adopter: ${fromApp.length} @backstage package(s) the app itself installs in more than one version (not Stageline's doing):`,
  );
  fromApp.forEach(line => console.log(line));
}
if (fromStageline.length > 0) {
  console.log(
    `adopter: Stageline adds a second version of ${fromStageline.length} @backstage package(s):`,
  );
  fromStageline.forEach(line => console.log(line));
  console.log(
    `adopter: widen the ranges in the packages named above so that they accept the versions the app has (${relative(
      process.cwd(),
      root,
    )})`,
  );
  process.exit(1);
}
console.log(
  'adopter: Stageline adds no second version of any @backstage package',
);
