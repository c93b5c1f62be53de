import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import {
  BundleFile,
  checkBundleFiles,
  checkConfigSize,
  checkConfigText,
  isBundleConfigPath,
  MAX_BUNDLE_FILES,
  readZipBundle,
} from '@interchange/plugin-interchange-common';

/**
 * What `interchange routes` reads: a configuration file (YAML/JSON), a
 * bundle folder (Apigee: the folder holding `apiproxy/`, or `apiproxy/`
 * itself) or a bundle's zip export.
 */
export type RoutesTarget =
  | { kind: 'file'; file: string }
  | { kind: 'folder'; file: string; root: string }
  | { kind: 'zip'; file: string };

/** The folder a bundle's paths are relative to, when `dir` is a bundle folder. */
function bundleRoot(dir: string): string | undefined {
  if (
    path.basename(path.resolve(dir)) === 'apiproxy' &&
    fs.existsSync(path.join(dir, 'proxies'))
  ) {
    return path.dirname(path.resolve(dir));
  }
  return fs.existsSync(path.join(dir, 'apiproxy', 'proxies'))
    ? path.resolve(dir)
    : undefined;
}

/**
 * Expands files, folders and globs, in a stable order. A folder that is a
 * bundle is one target; another folder gives its *.yaml/*.yml files and
 * the bundle folders inside it. Zip files are read when named (or globbed).
 */
export async function expandRoutesTargets(
  patterns: string[],
): Promise<RoutesTarget[]> {
  const targets = new Map<string, RoutesTarget>();
  const addFile = (file: string) => {
    if (file.toLowerCase().endsWith('.zip')) {
      targets.set(file, { kind: 'zip', file });
    } else {
      targets.set(file, { kind: 'file', file });
    }
  };
  for (const pattern of patterns) {
    const stat = await fs.promises.stat(pattern).catch(() => undefined);
    if (stat?.isFile()) {
      addFile(pattern);
      continue;
    }
    if (stat?.isDirectory()) {
      const root = bundleRoot(pattern);
      if (root) {
        targets.set(pattern, { kind: 'folder', file: pattern, root });
        continue;
      }
      const base = fg.convertPathToPattern(pattern);
      const found = await fg(
        [`${base}/**/*.{yaml,yml}`, `${base}/**/apiproxy/proxies`],
        {
          dot: false,
          onlyFiles: false,
          ignore: ['**/node_modules/**'],
        },
      );
      const bundles = found
        .filter(f => f.endsWith('/apiproxy/proxies'))
        .map(f => path.dirname(path.dirname(f)));
      for (const f of found) {
        if (f.endsWith('/apiproxy/proxies')) continue;
        // YAML inside a bundle (Apigee hosted targets' app.yaml) is the bundle's.
        if (!bundles.some(b => f.startsWith(`${b}/apiproxy/`))) {
          targets.set(f, { kind: 'file', file: f });
        }
      }
      for (const b of bundles) {
        targets.set(b, { kind: 'folder', file: b, root: path.resolve(b) });
      }
      continue;
    }
    for (const f of await fg(pattern, {
      dot: false,
      onlyFiles: true,
      ignore: ['**/node_modules/**'],
    })) {
      addFile(f);
    }
  }
  return [...targets.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** Refuses a file over the size limit before it is read. */
function checkSize(file: string) {
  checkConfigSize(fs.statSync(file).size, file);
}

/** A configuration file's text, its size checked before it is read. */
export function readTargetText(file: string): string {
  checkSize(file);
  const text = fs.readFileSync(file, 'utf8');
  checkConfigText(text, file);
  return text;
}

/** The routing files of a bundle folder or zip, within the bundle limits. */
export function readBundle(
  target: Exclude<RoutesTarget, { kind: 'file' }>,
): BundleFile[] {
  if (target.kind === 'zip') {
    checkSize(target.file);
    return readZipBundle(fs.readFileSync(target.file));
  }
  const files: BundleFile[] = [];
  const paths = fg.sync('apiproxy/**/*', {
    cwd: target.root,
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: false,
  });
  if (paths.length > MAX_BUNDLE_FILES) {
    throw new Error(
      `${target.file}: more than ${MAX_BUNDLE_FILES} files in the bundle`,
    );
  }
  for (const p of paths.filter(isBundleConfigPath).sort()) {
    const file = path.join(target.root, p);
    checkSize(file);
    files.push({ path: p, text: fs.readFileSync(file, 'utf8') });
  }
  checkBundleFiles(files);
  return files;
}
