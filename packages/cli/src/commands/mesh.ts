import fs from 'node:fs';
import fg from 'fast-glob';
import {
  checkConfigSize,
  MeshRule,
  MeshSkippedItem,
  MeshType,
  parseMeshConfig,
} from '@interchange/plugin-interchange-common';
import { Out, previewEach, reportPreview } from '../lib/previewOutput';

export interface MeshOptions {
  json?: boolean;
}

type JsonRule = Pick<
  MeshRule,
  'source' | 'destination' | 'action' | 'ports' | 'paths' | 'methods'
> &
  Pick<MeshRule, 'policy' | 'conditions' | 'precedence' | 'provider'> & {
    location: string;
  };

/** What one file gives (the JSON output's fields besides `file` and `error`). */
type FileContent = {
  /** The mesh(es) the file holds policy of, comma-separated when several. */
  mesh: string;
  rules: JsonRule[];
  skipped: MeshSkippedItem[];
};

/** Directories expand to the policy file types: YAML, JSON and HCL. */
async function expand(patterns: string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const stat = await fs.promises.stat(pattern).catch(() => undefined);
    if (stat?.isFile()) {
      files.add(pattern);
      continue;
    }
    const glob = stat?.isDirectory()
      ? `${fg.convertPathToPattern(pattern)}/**/*.{yaml,yml,json,hcl}`
      : pattern;
    for (const f of await fg(glob, {
      onlyFiles: true,
      ignore: ['**/node_modules/**'],
    })) {
      files.add(f);
    }
  }
  return [...files].sort();
}

const list = (v: string[]) => (v.length ? v.join(',') : 'any');

/**
 * `interchange mesh <paths...>`: every source -> destination rule the mesh
 * policy files declare (Istio AuthorizationPolicy, Linkerd policy, Consul
 * intentions), with action and conditions, and what was skipped and why.
 */
export async function meshCommand(
  patterns: string[],
  options: MeshOptions,
  out: Out = console,
): Promise<number> {
  const files = await expand(patterns);
  if (!files.length) {
    out.error(
      `interchange mesh: no files match ${patterns.join(
        ' ',
      )}; pass mesh policy files (Istio AuthorizationPolicy, Linkerd policy, Consul service-intentions in HCL, JSON or YAML)`,
    );
    return 2;
  }
  const results = previewEach(
    files,
    file => file,
    file => {
      // Refused before it is read; parseMeshConfig checks the rest.
      checkConfigSize(fs.statSync(file).size, file);
      const r = parseMeshConfig(fs.readFileSync(file, 'utf8'), {
        fileName: file,
      });
      return {
        mesh: r.meshes.join(','),
        rules: r.rules.map(
          (x): JsonRule => ({
            source: x.source,
            destination: x.destination,
            action: x.action,
            ports: x.ports,
            paths: x.paths,
            methods: x.methods,
            policy: x.policy,
            conditions: x.conditions,
            precedence: x.precedence,
            provider: x.provider,
            location: `document ${x.location.document + 1}, ${
              x.location.place
            }`,
          }),
        ),
        skipped: r.skipped,
      };
    },
    { mesh: '', rules: [], skipped: [] } as FileContent,
  );
  return reportPreview(out, results, {
    json: options.json,
    noun: 'rule',
    found: r => r.rules.length,
    heading: r => (r.mesh ? ` (${r.mesh as MeshType})` : ''),
    print: r => printRules(out, r.rules),
  });
}

function printRules(out: Out, rules: JsonRule[]): void {
  for (const rule of rules) {
    out.log(
      `  ${rule.action.toUpperCase()} ${rule.source} -> ${rule.destination}`,
    );
    out.log(
      `    methods: ${list(rule.methods)}  paths: ${list(
        rule.paths,
      )}  ports: ${list(rule.ports)}${
        rule.precedence ? `  precedence: ${rule.precedence}` : ''
      }${rule.provider ? `  provider: ${rule.provider}` : ''}`,
    );
    if (rule.conditions.length)
      out.log(`    only when: ${rule.conditions.join('; ')}`);
    out.log(`    source: ${rule.location}`);
  }
}
