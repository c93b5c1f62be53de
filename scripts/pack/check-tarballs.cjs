#!/usr/bin/env node
/*
 * Checks the tarballs scripts/pack/pack.sh made: one per publishable
 * workspace, each with a LICENSE, and every file its package.json points at
 * (main, types, module, exports, bin, configSchema) inside the tarball. A
 * tarball that passes `yarn pack` but would install broken fails here.
 *
 *   node scripts/pack/check-tarballs.cjs <dir>
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2];
if (!dir) {
  console.error('usage: check-tarballs.cjs <dir with .tgz files>');
  process.exit(2);
}
const repoRoot = path.resolve(__dirname, '../..');

function publishableWorkspaces() {
  const out = execFileSync('yarn', ['workspaces', 'list', '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return out
    .trim()
    .split('\n')
    .map(line => JSON.parse(line).location)
    .map(loc =>
      JSON.parse(
        fs.readFileSync(path.join(repoRoot, loc, 'package.json'), 'utf8'),
      ),
    )
    .filter(pkg => !pkg.private)
    .map(pkg => pkg.name);
}

/** Every path a field of the packed package.json refers to. */
function referencedFiles(pkg) {
  const refs = [];
  const add = (field, value) => {
    if (typeof value === 'string') refs.push([field, value]);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        // The `backstage` condition names the feature type (e.g.
        // @backstage/BackendFeature) for feature discovery, not a file.
        if (k !== 'backstage') add(`${field}.${k}`, v);
      }
    }
  };
  for (const field of [
    'main',
    'module',
    'types',
    'exports',
    'bin',
    'configSchema',
  ]) {
    add(field, pkg[field]);
  }
  return refs.map(([field, p]) => [field, path.posix.normalize(p)]);
}

const problems = [];
const tarballs = fs.readdirSync(dir).filter(f => f.endsWith('.tgz'));
const names = new Map();
for (const file of tarballs) {
  const tgz = path.join(dir, file);
  const entries = new Set(
    execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(e => e.replace(/^package\//, '')),
  );
  const pkg = JSON.parse(
    execFileSync('tar', ['-xzOf', tgz, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  names.set(pkg.name, file);
  if (!entries.has('LICENSE')) problems.push(`${file}: no LICENSE`);
  if (String(pkg.main ?? '').startsWith('src/')) {
    problems.push(
      `${file}: main is ${pkg.main}; prepack did not rewrite it to dist/`,
    );
  }
  for (const [field, ref] of referencedFiles(pkg)) {
    if (!entries.has(ref))
      problems.push(
        `${file}: ${field} points at ${ref}, which is not in the tarball`,
      );
  }
  for (const [kind, deps] of Object.entries({
    dependencies: pkg.dependencies,
    peerDependencies: pkg.peerDependencies,
  })) {
    for (const [dep, range] of Object.entries(deps ?? {})) {
      if (String(range).startsWith('workspace:')) {
        problems.push(`${file}: ${kind}.${dep} is still ${range}`);
      }
    }
  }
  console.log(`${file}: ${entries.size} files, ok so far`);
}
for (const name of publishableWorkspaces()) {
  if (!names.has(name)) problems.push(`${name}: no tarball`);
}
if (problems.length > 0) {
  console.error(problems.map(p => `pack: ${p}`).join('\n'));
  process.exit(1);
}
console.log(`pack: ${tarballs.length} tarballs checked`);
