import fs from 'node:fs/promises';
import path from 'node:path';
import {
  checkConfigSize,
  MeshDefaultDeny,
  MeshDefaults,
  MeshRule,
  MeshSkippedItem,
  parseMeshFiles,
} from '@interchange/plugin-interchange-common';
import type { MeshConfig } from '../config/readMeshes';
import { ConsulIntentionsClient } from './ConsulIntentionsClient';

/** One mesh's policy as read from its files and live source. @public */
export interface MeshPolicy {
  mesh: MeshConfig;
  rules: MeshRule[];
  defaultDeny: MeshDefaultDeny[];
  skipped: (MeshSkippedItem & { file?: string })[];
  defaults: MeshDefaults;
  /** The files read, relative to the working directory. */
  files: string[];
}

/** What decides when no rule does: `defaultPolicy` for Consul and Linkerd; Istio has none. */
function defaultsOf(mesh: MeshConfig): MeshDefaults {
  if (mesh.type === 'consul') return { consul: mesh.defaultPolicy };
  if (mesh.type === 'linkerd') return { linkerd: mesh.defaultPolicy };
  return {};
}

/** Files matching a mesh's `files` globs, sorted, relative paths against `cwd`. */
export async function listMeshFiles(
  patterns: string[],
  cwd: string,
): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    for await (const f of fs.glob(pattern, { cwd })) {
      found.add(path.resolve(cwd, f));
    }
  }
  return [...found].sort();
}

/**
 * Reads one mesh's policy: every file its `files` globs match (each under
 * the mesh file size limit) and, for Consul, the intentions of its HTTP API.
 * Any file that cannot be read or parsed fails the whole read, naming the
 * file, so callers keep what they had rather than act on half a policy.
 *
 * @public
 */
export async function loadMeshPolicy(
  mesh: MeshConfig,
  options: { cwd?: string; fetch?: typeof fetch } = {},
): Promise<MeshPolicy> {
  const cwd = options.cwd ?? process.cwd();
  const names = await listMeshFiles(mesh.files, cwd);
  if (mesh.files.length && !names.length && !mesh.consulUrl) {
    throw new Error(
      `interchange.meshes ${mesh.id}: files ${mesh.files.join(
        ', ',
      )} match no file (relative to ${cwd})`,
    );
  }
  const files = await Promise.all(
    names.map(async name => {
      const stat = await fs.stat(name);
      // Refused before it is read; parseMeshFiles checks the text.
      checkConfigSize(stat.size, `interchange.meshes ${mesh.id}: ${name}`);
      try {
        return { name, text: await fs.readFile(name, 'utf8') };
      } catch (e) {
        // Node's messages (EISDIR, EACCES) do not say which file.
        throw new Error(
          `interchange.meshes ${mesh.id}: ${name} cannot be read: ${
            (e as Error).message
          }`,
        );
      }
    }),
  );
  const parsed = parseMeshFiles(files, { mesh: mesh.type });
  if (parsed.errors.length) {
    throw new Error(
      `interchange.meshes ${mesh.id}: ${parsed.errors
        .map(e => `${e.file}: ${e.message}`)
        .join('; ')}`,
    );
  }
  const rules = parsed.rules.filter(r => r.mesh === mesh.type);
  const skipped: MeshPolicy['skipped'] = [...parsed.skipped];
  if (mesh.consulUrl) {
    const live = await new ConsulIntentionsClient(mesh, {
      fetch: options.fetch,
    }).intentions();
    rules.push(...live.rules);
    skipped.push(...live.skipped);
  }
  return {
    mesh,
    rules,
    defaultDeny: parsed.defaultDeny.filter(d => d.mesh === mesh.type),
    skipped,
    defaults: defaultsOf(mesh),
    files: names.map(n => path.relative(cwd, n)),
  };
}
