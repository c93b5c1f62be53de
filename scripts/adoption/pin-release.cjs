#!/usr/bin/env node
/*
 * Keeps a fresh create-app app on the Backstage release its template was
 * made for. create-app seeds yarn.lock from that release's lockfile on
 * GitHub; without it (CI reaches only the npm registry) a `^` range resolves
 * to today's newest version, and a plugin from a later release then meets
 * the release's own backend-defaults (e.g. plugin-signals-backend 0.3.21
 * calling httpRouter.addWebSocketHandler, which backend-defaults 0.18 lacks).
 *
 * The run script seeds the lockfile from this repository's (the same
 * release); for every @backstage/* dependency of the template that the seed
 * does not hold, this pins the template's range to its lower bound, which is
 * the version the release shipped (create-app writes `^<release version>`),
 * with a Yarn resolution for that exact range.
 *
 *   node scripts/adoption/pin-release.cjs <app-dir>
 */
const fs = require('node:fs');
const path = require('node:path');

const appDir = process.argv[2];
const lock = fs.readFileSync(path.join(appDir, 'yarn.lock'), 'utf8');
const locked = new Set();
for (const line of lock.split('\n')) {
  if (line.startsWith('"') && line.endsWith(':')) {
    for (const d of line.slice(0, -1).split(', ')) locked.add(d.replace(/"/g, ''));
  }
}

const rootFile = path.join(appDir, 'package.json');
const root = JSON.parse(fs.readFileSync(rootFile, 'utf8'));
const pins = {};
for (const dir of ['.', 'packages/app', 'packages/backend']) {
  const pkg = JSON.parse(fs.readFileSync(path.join(appDir, dir, 'package.json'), 'utf8'));
  for (const deps of [pkg.dependencies, pkg.devDependencies]) {
    for (const [name, range] of Object.entries(deps ?? {})) {
      const m = /^\^(\d+\.\d+\.\d+)$/.exec(range);
      if (!name.startsWith('@backstage/') || !m) continue;
      if (locked.has(`${name}@npm:${range}`)) continue;
      pins[`${name}@npm:${range}`] = m[1];
    }
  }
}
root.resolutions = { ...root.resolutions, ...pins };
fs.writeFileSync(rootFile, `${JSON.stringify(root, null, 2)}\n`);
console.log(
  `adoption: pinned ${Object.keys(pins).length} @backstage/* ranges the seed lacks to the release's versions: ${Object.entries(pins)
    .map(([d, v]) => `${d.replace(/@npm:.*/, '')}@${v}`)
    .join(', ')}`,
);
