// node duplicates.mjs <app dir>: the @backstage packages installed in more than one version in
// the adopter app, and which packages pull each older copy in. A second copy of a package that
// holds a plugin's extension points or API refs (catalog-node, scaffolder-node, catalog-react,
// ...) is what an adopter notices first. Prints them; does not fail.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2];
const copies = new Map(); // name -> Map(version -> [paths])

function visit(nodeModules) {
  if (!existsSync(nodeModules)) return;
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith('.')) continue;
    const names = entry.startsWith('@')
      ? readdirSync(join(nodeModules, entry)).map(n => `${entry}/${n}`)
      : [entry];
    for (const name of names) {
      const dir = join(nodeModules, name);
      const manifest = join(dir, 'package.json');
      if (name.startsWith('@backstage/') && existsSync(manifest)) {
        const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
        const byVersion = copies.get(name) ?? new Map();
        byVersion.set(version, [
          ...(byVersion.get(version) ?? []),
          relative(root, dir),
        ]);
        copies.set(name, byVersion);
      }
      visit(join(dir, 'node_modules'));
    }
  }
}

visit(join(root, 'node_modules'));
for (const ws of ['packages/app', 'packages/backend'])
  visit(join(root, ws, 'node_modules'));

const duplicated = [...copies].filter(([, byVersion]) => byVersion.size > 1);
if (duplicated.length === 0) {
  console.log('adopter: every @backstage package is installed in one version');
} else {
  console.log(
    `adopter: ${duplicated.length} @backstage package(s) installed in more than one version:`,
  );
  for (const [name, byVersion] of duplicated.sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const versions = [...byVersion].map(([version, paths]) => {
      const owners = paths
        .map(p => p.split('/node_modules/').slice(0, -1).pop())
        .map(p => (p ? p.replace(/^node_modules\//, '') : 'hoisted'));
      return `${version} (${owners.join(', ')})`;
    });
    console.log(`  ${name}: ${versions.join('; ')}`);
  }
}
