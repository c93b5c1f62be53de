import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import {
  UrlReaderService,
  UrlReaderServiceReadUrlResponse,
} from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  BundleFile,
  checkBundleFiles,
  checkConfigSize,
  inputLimits,
  isBundleConfigPath,
  MAX_BUNDLE_FILES,
  readZipBundle,
} from '@interchange/plugin-interchange-common';

/** Where a configuration file is read from. */
export type ConfigTarget =
  | { kind: 'url'; url: string }
  | { kind: 'file'; file: string };

/** A target of a Location, or why it may not be read. */
export type ResolvedTarget = ConfigTarget | { kind: 'refused'; reason: string };

/** A configuration file's text and where it came from. */
export interface ConfigFile {
  target: ConfigTarget;
  /** The URL or absolute path, for messages. */
  name: string;
  text: string;
  /** Set for a bundle (an Apigee bundle folder or zip): its files; `text` is then empty. */
  bundle?: BundleFile[];
}

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Resolves one target listed by a Location of type `locationType`, by the
 * local-file safety rules: a Location that was itself read from a URL may
 * only list URLs (absolute paths resolve against the repository host, never
 * the backend's disk), so a repository cannot make the backend read its own
 * files. Only Locations from local files, and Locations of `locationType`
 * listed in app-config (`configuredTargets`), may name local paths; the same
 * shape registered through the catalog API may not. Relative targets resolve
 * against the Location's own location, as the catalog does for `url` and
 * `file` locations.
 */
export function resolveConfigTarget(
  base: LocationSpec,
  target: string,
  options: {
    locationType: string;
    integrations: ScmIntegrationRegistry;
    /** Targets of `locationType` locations in app-config's `catalog.locations`. */
    configuredTargets: () => string[];
  },
): ResolvedTarget {
  const asUrl = (url: string): ResolvedTarget =>
    /^https?:\/\//i.test(url)
      ? { kind: 'url', url }
      : {
          kind: 'refused',
          reason: `${target}: only http(s) URLs and, for Locations from local files or app-config, local paths can be read`,
        };
  if (ABSOLUTE_URL.test(target)) {
    return asUrl(target);
  }
  if (base.type === 'url') {
    return asUrl(
      options.integrations.resolveUrl({ url: target, base: base.target }),
    );
  }
  if (base.type === 'file') {
    return {
      kind: 'file',
      file: path.resolve(path.dirname(base.target), target),
    };
  }
  if (base.type === options.locationType) {
    // Registered in app-config: relative to the backend's working
    // directory, like `file` locations there.
    if (options.configuredTargets().includes(base.target)) {
      return { kind: 'file', file: path.resolve(target) };
    }
    return {
      kind: 'refused',
      reason: `${target}: only ${options.locationType} locations listed in app-config (catalog.locations) may read local files; register an http(s) URL instead`,
    };
  }
  return {
    kind: 'refused',
    reason: `${target}: a Location from a ${base.type} location may only list http(s) URLs`,
  };
}

/** The name a target goes by in messages: its URL or absolute path. */
export function targetName(target: ConfigTarget): string {
  return target.kind === 'url' ? target.url : target.file;
}

/**
 * Reads a resolved target: URLs through the backend's UrlReader (so
 * `backend.reading.allow` and the integrations' credentials apply), files
 * from disk. Rejects as the reader does; see isNotFound.
 */
export async function readConfigFile(
  target: ConfigTarget,
  reader?: UrlReaderService,
): Promise<ConfigFile> {
  if (target.kind === 'url') {
    if (!reader) {
      throw new Error(`${target.url}: no URL reader to read it with`);
    }
    const response = await reader.readUrl(target.url);
    const buffer = await readBody(response, target.url);
    if (isZip(target.url)) {
      return {
        target,
        name: target.url,
        text: '',
        bundle: zipBundle(target.url, buffer),
      };
    }
    return { target, name: target.url, text: buffer.toString('utf8') };
  }
  const file = target.file;
  const stat = await fs.stat(file);
  if (stat.isDirectory()) {
    const root = bundleRoot(file);
    if (!root) {
      throw new Error(
        `${file} is a folder: list configuration files, or an Apigee bundle folder (one holding apiproxy/, or apiproxy/ itself)`,
      );
    }
    return {
      target,
      name: file,
      text: '',
      bundle: await readBundleFolder(file, root),
    };
  }
  checkConfigSize(stat.size, file);
  if (isZip(file)) {
    return {
      target,
      name: file,
      text: '',
      bundle: zipBundle(file, await fs.readFile(file)),
    };
  }
  return { target, name: file, text: await fs.readFile(file, 'utf8') };
}

/**
 * A URL's body, read as a stream and abandoned as soon as it passes the
 * size limit: a hostile or broken server sending an endless body costs
 * the limit in memory, not the whole body. Readers without a stream (a
 * test's, a custom one) are checked after reading.
 */
async function readBody(
  response: UrlReaderServiceReadUrlResponse,
  name: string,
): Promise<Buffer> {
  if (!response.stream) {
    const buffer = await response.buffer();
    checkConfigSize(buffer.length, name);
    return buffer;
  }
  const max = inputLimits().maxFileBytes;
  const stream = response.stream();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      size += bytes.length;
      if (size > max) {
        checkConfigSize(size, name, true);
      }
      chunks.push(bytes);
    }
  } finally {
    // Closes the connection when the loop stopped early (the limit, an error).
    stream.destroy();
  }
  return Buffer.concat(chunks);
}

function isZip(name: string): boolean {
  return /\.zip$/i.test(name.replace(/[?#].*$/, ''));
}

function zipBundle(name: string, bytes: Uint8Array): BundleFile[] {
  try {
    return readZipBundle(bytes);
  } catch (e) {
    throw new Error(`${name}: ${toError(e).message}`);
  }
}

/** The folder a bundle's paths are relative to, when `dir` is an Apigee bundle folder. */
function bundleRoot(dir: string): string | undefined {
  if (
    path.basename(dir) === 'apiproxy' &&
    existsSync(path.join(dir, 'proxies'))
  ) {
    return path.dirname(dir);
  }
  return existsSync(path.join(dir, 'apiproxy', 'proxies')) ? dir : undefined;
}

/** The routing files of a bundle folder, within the same limits as a zip's. */
async function readBundleFolder(
  name: string,
  root: string,
): Promise<BundleFile[]> {
  const paths = await fg('apiproxy/**/*', {
    cwd: root,
    onlyFiles: true,
    followSymbolicLinks: false,
  });
  if (paths.length > MAX_BUNDLE_FILES) {
    throw new Error(
      `${name}: more than ${MAX_BUNDLE_FILES} files in the bundle`,
    );
  }
  const files: BundleFile[] = [];
  for (const p of paths.filter(isBundleConfigPath).sort()) {
    const file = path.join(root, p);
    checkConfigSize((await fs.stat(file)).size, file);
    files.push({ path: p, text: await fs.readFile(file, 'utf8') });
  }
  checkBundleFiles(files);
  return files;
}

/** Whether a read failed because the file is not there (rather than unreadable). */
export function isNotFound(e: unknown): boolean {
  const error = toError(e);
  return (
    error.name === 'NotFoundError' ||
    (error as NodeJS.ErrnoException).code === 'ENOENT'
  );
}

/**
 * The files matching app-config globs (trusted: only app-config lists
 * them), sorted so runs are reproducible.
 */
export async function listConfigFiles(
  globs: string[],
  cwd: string,
): Promise<ConfigTarget[]> {
  const found = await fg(globs, {
    cwd,
    absolute: true,
    onlyFiles: false,
    markDirectories: true,
  });
  // Folders count only when they are bundles (an Apigee bundle folder).
  const files = found
    .map(f => (f.endsWith('/') ? f.slice(0, -1) : f))
    .filter((f, i) => !found[i].endsWith('/') || bundleRoot(f) !== undefined);
  return files.sort().map(file => ({ kind: 'file', file }));
}
