import { readDocuments } from '../gateways/readDocuments';
import {
  checkConfigText,
  inputLimits,
  MAX_CONFIG_FILE_BYTES,
  MAX_HCL_BYTES,
} from '../limits/inputLimits';
import {
  consulDefaultPolicy,
  isConsulIntentions,
  parseConsulIntentions,
} from './consul';
import { parseHcl } from './hcl';
import {
  isIstioAuthorizationPolicy,
  parseIstioAuthorizationPolicy,
} from './istio';
import { isLinkerdPolicy, parseLinkerdPolicies } from './linkerd';
import { MeshParseResult, MeshType } from './types';

/**
 * The default size limit of mesh files: the one of every configuration
 * file (interchange.inputLimits.maxFileBytes); HCL files have MAX_HCL_BYTES.
 *
 * @public
 */
export const MESH_FILE_MAX_BYTES = MAX_CONFIG_FILE_BYTES;

/** Options of {@link parseMeshConfig}. @public */
export interface ParseMeshConfigOptions {
  /** Only rules of this mesh; documents of the others are skipped with the reason. */
  mesh?: MeshType;
  /** The file name, to tell HCL (`.hcl`) from YAML/JSON. */
  fileName?: string;
}

function depth(value: unknown, limit: number): number {
  // Iterative, so a hostile document cannot overflow the stack.
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    if (v && typeof v === 'object') {
      for (const child of Object.values(v)) stack.push([child, d + 1]);
    }
  }
  return max;
}

function looksLikeHcl(text: string, fileName?: string): boolean {
  if (fileName) return /\.hcl$/i.test(fileName);
  return /^\s*(#[^\n]*\n\s*)*[A-Za-z_]+\s*=\s*"/.test(text);
}

/**
 * Every source -> destination rule of a service-mesh policy file: Istio
 * AuthorizationPolicy, Linkerd policy resources, Consul service intentions
 * (HCL, JSON, the Kubernetes CRD). YAML and JSON files may hold several
 * documents; Linkerd references are resolved across them. What is not
 * understood is skipped with the reason. Throws for text that is not
 * YAML/JSON/HCL, too large or too deeply nested, naming the document.
 *
 * @public
 */
export function parseMeshConfig(
  text: string,
  options: ParseMeshConfigOptions = {},
): MeshParseResult {
  // Size, binary content and line length, as for every configuration file.
  checkConfigText(text, 'the file');
  const docs: { doc: Record<string, any>; document: number }[] = [];
  const hcl = looksLikeHcl(text.slice(0, 4096), options.fileName);
  if (hcl) {
    if (text.length > MAX_HCL_BYTES) {
      throw new Error(
        `the file is ${text.length} bytes; HCL files are read up to ${MAX_HCL_BYTES} bytes (the HCL parser is slow on large input; Consul config entries are a few kB): split it, or write it as JSON or YAML`,
      );
    }
    docs.push({ doc: parseHcl(text), document: 0 });
  } else {
    // The gateway parsers' reader: js-yaml (several times quicker than a
    // document model with source positions) and JSON.parse for JSON, with
    // nesting and alias expansion bounded while reading.
    readDocuments(text).forEach((doc, i) => {
      if (doc !== null && doc !== undefined) {
        docs.push({ doc: doc as Record<string, any>, document: i });
      }
    });
  }
  const result: MeshParseResult = {
    meshes: [],
    rules: [],
    defaultDeny: [],
    skipped: [],
  };
  const seen = (mesh: MeshType) => {
    if (!result.meshes.includes(mesh)) result.meshes.push(mesh);
  };
  const wanted = (
    mesh: MeshType,
    document: number,
    kind: string,
    name?: string,
  ) => {
    if (!options.mesh || options.mesh === mesh) return true;
    result.skipped.push({
      document,
      kind,
      name,
      reason: `a ${mesh} document; this mesh is ${options.mesh}`,
    });
    return false;
  };
  const linkerd: typeof docs = [];
  for (const { doc, document } of docs) {
    // YAML and JSON nesting is bounded while reading; HCL's here.
    const maxDepth = inputLimits().maxDepth;
    if (hcl && depth(doc, maxDepth) > maxDepth) {
      throw new Error(
        `document ${
          document + 1
        }: nested more than ${maxDepth} levels deep (interchange.inputLimits.maxDepth)`,
      );
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
      result.skipped.push({
        document,
        kind: Array.isArray(doc) ? 'list' : typeof doc,
        reason: 'not a mapping (a policy document is a YAML/JSON object)',
      });
      continue;
    }
    const kind = String(doc.kind ?? doc.Kind ?? '');
    const name = doc.metadata?.name ?? doc.Name ?? doc.name;
    if (isIstioAuthorizationPolicy(doc)) {
      if (!wanted('istio', document, kind, name)) continue;
      seen('istio');
      const r = parseIstioAuthorizationPolicy(doc, document);
      result.rules.push(...r.rules);
      result.defaultDeny.push(...r.defaultDeny);
      result.skipped.push(...r.skipped);
    } else if (isLinkerdPolicy(doc)) {
      if (!wanted('linkerd', document, kind, name)) continue;
      seen('linkerd');
      linkerd.push({ doc, document });
    } else if (isConsulIntentions(doc)) {
      if (!wanted('consul', document, kind, name)) continue;
      seen('consul');
      const r = parseConsulIntentions(doc, document);
      result.rules.push(...r.rules);
      result.skipped.push(...r.skipped);
      if (consulDefaultPolicy(doc) === 'deny') {
        result.defaultDeny.push({
          mesh: 'consul',
          destination: '*',
          destinationIdentity: { mesh: 'consul', name: '*' },
          reason: 'acl.default_policy = "deny"',
        });
      }
    } else {
      result.skipped.push({
        document,
        kind: kind || '(no kind)',
        name,
        reason:
          'not a mesh authorization policy (Istio AuthorizationPolicy, Linkerd policy.linkerd.io resources, Consul service-intentions)',
      });
    }
  }
  if (linkerd.length) {
    const r = parseLinkerdPolicies(linkerd);
    result.rules.push(...r.rules);
    result.defaultDeny.push(...r.defaultDeny);
    result.skipped.push(...r.skipped);
  }
  // Consul: `*` -> `*` deny in a file makes every destination deny by default.
  for (const rule of result.rules) {
    if (
      rule.mesh === 'consul' &&
      rule.action === 'deny' &&
      rule.source === '*' &&
      rule.destination === '*' &&
      !rule.paths.length
    ) {
      result.defaultDeny.push({
        mesh: 'consul',
        destination: '*',
        destinationIdentity: { mesh: 'consul', name: '*' },
        reason: `${rule.policy}: * -> * deny`,
      });
    }
  }
  return result;
}

/** The rules of several files of one mesh, Linkerd references resolved across them. @public */
export function parseMeshFiles(
  files: { name: string; text: string }[],
  options: { mesh?: MeshType } = {},
): MeshParseResult & { errors: { file: string; message: string }[] } {
  // Linkerd needs every document at once; YAML files are joined, HCL parsed alone.
  const yaml = files.filter(f => !looksLikeHcl(f.text, f.name));
  const hcl = files.filter(f => looksLikeHcl(f.text, f.name));
  const out: MeshParseResult & { errors: { file: string; message: string }[] } =
    { meshes: [], rules: [], defaultDeny: [], skipped: [], errors: [] };
  const merge = (r: MeshParseResult) => {
    r.meshes.forEach(m => !out.meshes.includes(m) && out.meshes.push(m));
    out.rules.push(...r.rules);
    out.defaultDeny.push(...r.defaultDeny);
    out.skipped.push(...r.skipped);
  };
  const good: string[] = [];
  for (const f of yaml) {
    try {
      parseMeshConfig(f.text, { ...options, fileName: f.name });
      good.push(f.text);
    } catch (e) {
      out.errors.push({ file: f.name, message: (e as Error).message });
    }
  }
  if (good.length)
    merge(
      parseMeshConfig(
        good.map(t => (t.startsWith('---') ? t : `---\n${t}`)).join('\n'),
        options,
      ),
    );
  for (const f of hcl) {
    try {
      merge(parseMeshConfig(f.text, { ...options, fileName: f.name }));
    } catch (e) {
      out.errors.push({ file: f.name, message: (e as Error).message });
    }
  }
  return out;
}
