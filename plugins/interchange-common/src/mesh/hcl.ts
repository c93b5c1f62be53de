// js-hcl-parser is hashicorp/hcl v1 compiled to JavaScript: the parser Consul
// itself reads config entries with. HCL2 parsers refuse Consul's documented
// syntax (`HTTP { ... }` blocks inside list objects). Loaded on first use, so
// YAML-only callers never load it.
let hcl: { parse(text: string): string } | undefined;

/** HCL (v1, as Consul reads it) to plain objects; throws with the parser's message. */
export function parseHcl(text: string): Record<string, any> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  hcl ??= require('js-hcl-parser') as { parse(text: string): string };
  // package.json's `browser` field leaves the parser (compiled Go, which
  // bundlers refuse) out of frontend bundles: HCL is read by the backend and
  // the CLI only.
  if (typeof hcl?.parse !== 'function') {
    throw new Error(
      'HCL mesh files are read by the backend and the interchange CLI, not in the browser',
    );
  }
  const out = hcl.parse(text);
  if (typeof out !== 'string' || !out.trimStart().startsWith('{')) {
    throw new Error(
      `not HCL: ${String(out).replace(/^unable to parse JSON: /, '')}`,
    );
  }
  return JSON.parse(out);
}
