import fs from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { LocationSpec } from '@backstage/plugin-catalog-common';

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
    return {
      target,
      name: target.url,
      text: (await response.buffer()).toString('utf8'),
    };
  }
  return {
    target,
    name: target.file,
    text: await fs.readFile(target.file, 'utf8'),
  };
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
  const files = await fg(globs, { cwd, absolute: true, onlyFiles: true });
  return files.sort().map(file => ({ kind: 'file', file }));
}
