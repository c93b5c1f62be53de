#!/usr/bin/env node
/*
 * Pastes the README's code blocks into a fresh create-app app where the
 * README says to put them (imports at the top of the file, routes inside
 * <FlatRoutes>, ...), and merges its app-config blocks into app-config.yaml
 * (lists are appended to, as a reader adds a rule or an extension). When a
 * place the README names is not in the template, it fails naming both.
 *
 *   node scripts/adoption/apply.cjs <app-dir> next|legacy
 */
const fs = require('node:fs');
const path = require('node:path');
const { readmeBlock } = require('./readme.cjs');

const [appDir, flavour] = process.argv.slice(2);
if (!appDir || !['next', 'legacy'].includes(flavour)) {
  console.error('usage: apply.cjs <app-dir> next|legacy');
  process.exit(2);
}

function edit(file, name, change) {
  const full = path.join(appDir, file);
  const before = fs.readFileSync(full, 'utf8');
  const after = change(before, readmeBlock(name));
  fs.writeFileSync(full, after);
  console.log(`adoption: README block ${name} -> ${file}`);
}

function indexOf(text, anchor, from, what) {
  const i = text.indexOf(anchor, from);
  if (i < 0) {
    throw new Error(
      `${what}: "${anchor.trim()}" is not in the template's file`,
    );
  }
  return i;
}

const prepend = (text, block) => `${block}${text}`;
const before = (anchor, fromAnchor) => (text, block) => {
  const from = fromAnchor ? indexOf(text, fromAnchor, 0, 'anchor') : 0;
  const i = indexOf(text, anchor, from, 'insert point');
  return `${text.slice(0, i)}\n${block}${text.slice(i)}`;
};
const beforeLast = anchor => (text, block) => {
  const i = text.lastIndexOf(anchor);
  if (i < 0)
    throw new Error(`insert point: "${anchor}" is not in the template's file`);
  return `${text.slice(0, i)}${block}${text.slice(i)}`;
};
const afterLine = anchor => (text, block) => {
  const i = indexOf(text, anchor, 0, 'insert point');
  const eol = text.indexOf('\n', i) + 1;
  return `${text.slice(0, eol)}${block}${text.slice(eol)}`;
};
const replace = anchor => (text, block) => {
  const i = indexOf(text, anchor, 0, 'replaced element');
  if (text.indexOf(anchor, i + 1) >= 0)
    throw new Error(`"${anchor}" appears twice`);
  return `${text.slice(0, i)}${block.trimEnd()}${text.slice(
    i + anchor.length,
  )}`;
};

// app-config: merge, appending to lists.
// `yaml` from this repository's dependencies, so it works before the app's install.
const YAML = require('yaml');
function merge(into, from) {
  if (Array.isArray(into) && Array.isArray(from)) return [...into, ...from];
  if (into && from && typeof into === 'object' && typeof from === 'object') {
    const out = { ...into };
    for (const [k, v] of Object.entries(from))
      out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return from;
}
function mergeConfig(name) {
  edit('app-config.yaml', name, (text, block) =>
    YAML.stringify(merge(YAML.parse(text), YAML.parse(block))),
  );
}

edit(
  'packages/backend/src/index.ts',
  'backend-index',
  before('backend.start();'),
);
mergeConfig('app-config');

if (flavour === 'next') {
  mergeConfig('next-app-config');
} else {
  const entityPage = 'packages/app/src/components/catalog/EntityPage.tsx';
  edit(entityPage, 'legacy-entitypage-imports', prepend);
  edit(
    entityPage,
    'legacy-entitypage-definitions',
    before('export const entityPage'),
  );
  edit(
    entityPage,
    'legacy-entitypage-case',
    beforeLast('<EntitySwitch.Case>{defaultEntityPage}'),
  );
  edit(
    entityPage,
    'legacy-entitypage-overview',
    before('\n  </Grid>\n);', 'const overviewContent = ('),
  );
  edit(
    entityPage,
    'legacy-entitypage-service-tab',
    before('\n  </EntityLayout>\n);', 'const serviceEntityPage = ('),
  );
  edit('packages/app/src/App.tsx', 'legacy-app-imports', prepend);
  edit(
    'packages/app/src/App.tsx',
    'legacy-app-routes',
    before('</FlatRoutes>'),
  );
  edit(
    'packages/app/src/App.tsx',
    'legacy-app-scaffolder',
    replace('<Route path="/create" element={<ScaffolderPage />} />'),
  );
  edit(
    'packages/app/src/components/Root/Root.tsx',
    'legacy-root-imports',
    prepend,
  );
  edit(
    'packages/app/src/components/Root/Root.tsx',
    'legacy-root-items',
    afterLine('text="Create..." />'),
  );
}
