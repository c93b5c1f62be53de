import { Unzip, UnzipFile, UnzipInflate } from 'fflate';
import {
  inputLimits,
  MAX_BUNDLE_BYTES,
  MAX_BUNDLE_FILES,
} from '../limits/inputLimits';
import { BundleFile } from './types';

/**
 * The files of an Apigee API proxy bundle that describe routing, by their
 * path inside the bundle: the proxy's manifest `apiproxy/<name>.xml` and
 * the XML of its proxy endpoints, target endpoints and policies. Scripts,
 * Java and other resources are never read.
 *
 * @public
 */
export function isBundleConfigPath(path: string): boolean {
  return /^apiproxy\/(?:[^/]+\.xml|(?:proxies|targets|policies)\/[^/]+\.(?:xml|flowfrag))$/.test(
    path,
  );
}

/**
 * A path of a zip entry or folder file, relative to the bundle: from its
 * `apiproxy/` folder on (an export may nest it in a folder named after the
 * proxy). Undefined when the path is not inside an `apiproxy/` folder.
 * Throws for names that climb out (`..`) or are absolute: a zip that
 * tries either is not an export.
 */
function bundlePath(name: string): string | undefined {
  const normal = name.replace(/\\/g, '/');
  if (
    normal.startsWith('/') ||
    /^[a-z]:/i.test(normal) ||
    normal.split('/').includes('..')
  ) {
    throw new Error(
      `entry '${name}' points outside the archive; a bundle export never does`,
    );
  }
  // macOS archivers add __MACOSX/ and ._ resource forks: binary, not config.
  if (
    normal.startsWith('__MACOSX/') ||
    normal.split('/').some(part => part.startsWith('._'))
  ) {
    return undefined;
  }
  if (normal.startsWith('apiproxy/')) {
    return normal;
  }
  const at = normal.indexOf('/apiproxy/');
  return at >= 0 ? normal.slice(at + 1) : undefined;
}

/** Slices of the compressed input fed at a time: each inflates to a few MB at most. */
const CHUNK = 4096;

/**
 * The routing files of an Apigee bundle's zip export (the bytes of the
 * zip). Pure: no I/O. Bounded whatever the zip claims: entries are
 * counted, inflated output is counted as it comes (small input slices, so
 * a zip bomb is stopped after a few MB, not after it expands), and names
 * that climb out of the archive are refused.
 *
 * @public
 */
export function readZipBundle(bytes: Uint8Array): BundleFile[] {
  if (bytes.length > MAX_BUNDLE_BYTES) {
    throw new Error(
      `the zip is larger than ${
        MAX_BUNDLE_BYTES / 1024 / 1024
      } MB; an API proxy bundle is much smaller`,
    );
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new Error(
      'not a zip archive (an Apigee bundle export starts with PK)',
    );
  }
  const files: BundleFile[] = [];
  const decoder = new TextDecoder('utf-8');
  let entries = 0;
  let total = 0;
  let failure: Error | undefined;
  const fail = (e: Error, file?: UnzipFile) => {
    failure ??= e;
    file?.terminate();
  };
  const unzip = new Unzip(file => {
    if (failure) return;
    entries += 1;
    if (entries > MAX_BUNDLE_FILES) {
      fail(new Error(`more than ${MAX_BUNDLE_FILES} entries in the zip`));
      return;
    }
    let path: string | undefined;
    try {
      path = bundlePath(file.name);
    } catch (e) {
      fail(e as Error);
      return;
    }
    if (!path || !isBundleConfigPath(path)) {
      return; // not started: never inflated
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        fail(new Error(`${file.name}: ${err.message}`), file);
        return;
      }
      size += data.length;
      total += data.length;
      const maxFile = inputLimits().maxFileBytes;
      if (size > maxFile || total > MAX_BUNDLE_BYTES) {
        fail(
          new Error(
            `${file.name} inflates to more than ${
              (size > maxFile ? maxFile : MAX_BUNDLE_BYTES) / 1024 / 1024
            } MB (a zip bomb?)`,
          ),
          file,
        );
        return;
      }
      chunks.push(data);
      if (final) {
        const all = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        files.push({ path: path!, text: decoder.decode(all) });
      }
    };
    try {
      file.start();
    } catch (e) {
      fail(
        new Error(
          `${file.name}: ${(e as Error).message} (compression method ${
            file.compression
          })`,
        ),
      );
    }
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += CHUNK) {
      unzip.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
    }
  } catch (e) {
    fail(new Error(`unreadable zip: ${(e as Error).message}`));
  }
  if (failure) {
    throw failure;
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * Checks the files of a bundle read from a folder against the same limits
 * as a zip's (the folder walker stops at MAX_BUNDLE_FILES itself).
 *
 * @public
 */
export function checkBundleFiles(files: readonly BundleFile[]): void {
  if (files.length > MAX_BUNDLE_FILES) {
    throw new Error(`more than ${MAX_BUNDLE_FILES} files in the bundle`);
  }
  let total = 0;
  for (const f of files) {
    total += f.text.length;
    if (total > MAX_BUNDLE_BYTES) {
      throw new Error(
        `the bundle's files are larger than ${
          MAX_BUNDLE_BYTES / 1024 / 1024
        } MB together`,
      );
    }
  }
}
