import {
  atomText,
  Condition,
  ConditionAtom,
  conditionText,
  evaluate,
  parseCondition,
  toAlternatives,
} from './apigeeCondition';
import { isBundleConfigPath } from './bundleFiles';
import { RATE_LIMIT_PERIODS } from './routePolicy';
import { parseXml, xmlElement, xmlList, xmlText } from './safeXml';
import {
  BundleFile,
  GatewayParseResult,
  NormalizedRoute,
  PathMatch,
  RouteUpstream,
  SkippedItem,
} from './types';

type Policy = { type: string; name: string; el: Record<string, any> };
type Target = { upstreams: RouteUpstream[] } | { reason: string };
type Step = { name: string };

const PERIOD_OF_RATE: Record<string, (typeof RATE_LIMIT_PERIODS)[number]> = {
  ps: 'second',
  pm: 'minute',
};
const QUOTA_PERIODS = new Set<string>(RATE_LIMIT_PERIODS);

/** The route authentication a policy enforces, if it is a security policy. */
function authenticationOf(policy: Policy): NormalizedRoute['authentication'] {
  const operation = xmlText(policy.el.Operation)?.trim();
  switch (policy.type) {
    case 'VerifyAPIKey':
      return 'api-key';
    case 'VerifyJWT':
      return 'jwt';
    case 'OAuthV2':
      // GenerateAccessToken & co. issue tokens; they protect nothing.
      return operation === 'VerifyAccessToken' ||
        operation === 'VerifyJWTAccessToken'
        ? 'oauth2'
        : undefined;
    case 'BasicAuthentication':
      // Decode reads the caller's Basic credentials (and fails without
      // them); Encode builds credentials for the target.
      return operation === 'Decode' ? 'basic' : undefined;
    default:
      return undefined;
  }
}

function rateLimitOf(policy: Policy): NormalizedRoute['rateLimit'] {
  if (policy.type === 'SpikeArrest') {
    const m = /^\s*(\d+)\s*(ps|pm)\s*$/.exec(xmlText(policy.el.Rate) ?? '');
    return m
      ? { requests: Number(m[1]), period: PERIOD_OF_RATE[m[2]] }
      : undefined;
  }
  if (policy.type === 'Quota') {
    const allow = policy.el.Allow;
    const count = Number(xmlElement(allow)['@_count'] ?? xmlText(allow));
    const interval = Number(xmlText(policy.el.Interval) ?? '1');
    const unit = xmlText(policy.el.TimeUnit)?.trim().toLowerCase() ?? '';
    return count > 0 && interval === 1 && QUOTA_PERIODS.has(unit)
      ? {
          requests: count,
          period: unit as (typeof RATE_LIMIT_PERIODS)[number],
        }
      : undefined;
  }
  return undefined;
}

function urlUpstream(url: string): RouteUpstream {
  try {
    const parsed = new URL(url);
    if (/[${}%]/.test(parsed.hostname)) {
      return { kind: 'url', url };
    }
    return {
      kind: 'url',
      url,
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : undefined,
    };
  } catch {
    // A URL built from variables (`https://{target.host}/x`) has no host.
    return { kind: 'url', url };
  }
}

/** Where a TargetEndpoint sends requests. */
function targetOf(el: Record<string, any>, proxy: string): Target {
  const http = xmlElement(el.HTTPTargetConnection);
  const servers = xmlList(xmlElement(http.LoadBalancer).Server);
  if (servers.length) {
    // Environment-level TargetServers: only their names are in the bundle.
    return {
      upstreams: servers
        .filter(s => s['@_name'])
        .map(s => {
          const weight = Number(xmlText(s.Weight));
          return {
            kind: 'service' as const,
            host: String(s['@_name']),
            ...(weight > 0 ? { weight } : {}),
          };
        }),
    };
  }
  const url = xmlText(http.URL)?.trim();
  if (url) {
    return { upstreams: [urlUpstream(url)] };
  }
  const local = xmlElement(el.LocalTargetConnection);
  const chained =
    xmlText(local.APIProxy)?.trim() ?? xmlText(local.Path)?.trim();
  if (chained) {
    return { upstreams: [{ kind: 'service', host: chained }] };
  }
  if (el.HostedTarget !== undefined || el.ScriptTarget !== undefined) {
    // Code deployed inside Apigee answers: no upstream outside it.
    return { upstreams: [{ kind: 'mock' }] };
  }
  return {
    reason: `TargetEndpoint of ${proxy} has no HTTPTargetConnection URL or LoadBalancer, LocalTargetConnection, HostedTarget or ScriptTarget`,
  };
}

/** Steps of a flow part (`Request` or `Response`) of a flow element. */
function stepsOf(flow: unknown, part: 'Request' | 'Response'): Step[] {
  return xmlList(xmlElement(xmlElement(flow)[part]).Step)
    .map(s => xmlText(s.Name)?.trim())
    .filter((n): n is string => Boolean(n))
    .map(name => ({ name }));
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The gateway path a path condition matches, and how. */
function pathOf(
  atom: ConditionAtom,
  basePath: string,
): { path: string; match: PathMatch } | undefined {
  const relative = atom.variable === 'proxy.pathsuffix';
  if (
    !relative &&
    atom.variable !== 'request.path' &&
    atom.variable !== 'request.uri'
  ) {
    return undefined;
  }
  const base = relative ? basePath.replace(/\/+$/, '') : '';
  const full = `${base}${atom.value}` || '/';
  switch (atom.op) {
    case '=':
    case ':=':
      return { path: full, match: 'exact' };
    case '=|':
      return { path: full, match: 'prefix' };
    case '~/': {
      // MatchesPath: `*` is one path segment, `**` any depth.
      if (!full.includes('*')) {
        return { path: full, match: 'exact' };
      }
      if (/^[^*]*\/\*\*$/.test(full)) {
        return { path: full.slice(0, -2), match: 'prefix' };
      }
      const body = full
        .split(/(\*\*|\*)/)
        .map(part => {
          if (part === '**') return '.*';
          return part === '*' ? '[^/]+' : escapeRegex(part);
        })
        .join('');
      return { path: `~${body}$`, match: 'regex' };
    }
    case '~': {
      // Matches: a glob where `*` is any characters.
      if (!full.includes('*')) {
        return { path: full, match: 'exact' };
      }
      const body = full.split('*').map(escapeRegex).join('.*');
      return { path: `~${body}$`, match: 'regex' };
    }
    case '~~': {
      const pattern = atom.value.replace(/^\^/, '');
      return pattern.startsWith('/') || base
        ? { path: `~${escapeRegex(base)}${pattern}`, match: 'regex' }
        : undefined;
    }
    default:
      return undefined;
  }
}

const isVerbAtom = (a: ConditionAtom) =>
  a.variable === 'request.verb' && (a.op === '=' || a.op === ':=');

/** One alternative of a flow condition: its path, methods and the rest. */
type Match = {
  paths: string[];
  pathMatch: PathMatch[];
  methods: string[];
  conditions: string[];
  atoms: ConditionAtom[];
};

function matchOf(atoms: ConditionAtom[], basePath: string): Match {
  const match: Match = {
    paths: [],
    pathMatch: [],
    methods: [],
    conditions: [],
    atoms,
  };
  for (const a of atoms) {
    const path = match.paths.length ? undefined : pathOf(a, basePath);
    if (path) {
      match.paths.push(path.path);
      match.pathMatch.push(path.match);
    } else if (isVerbAtom(a) && !match.methods.length) {
      match.methods.push(a.value.toUpperCase());
    } else {
      match.conditions.push(a.variable === '!' ? a.value : atomText(a));
    }
  }
  if (!match.paths.length) {
    match.paths.push(basePath || '/');
    match.pathMatch.push('prefix');
  }
  return match;
}

/** Matches with the same conditions and methods become one, with all their paths. */
function merge(matches: Match[]): Match[] {
  const out: Match[] = [];
  for (const m of matches) {
    const key = `${m.methods.join(',')}|${m.conditions.join(';')}`;
    const same = out.find(
      o => `${o.methods.join(',')}|${o.conditions.join(';')}` === key,
    );
    if (!same) {
      out.push({ ...m, paths: [...m.paths], pathMatch: [...m.pathMatch] });
      continue;
    }
    m.paths.forEach((p, i) => {
      if (!same.paths.includes(p)) {
        same.paths.push(p);
        same.pathMatch.push(m.pathMatch[i]);
      }
    });
    same.atoms = [...same.atoms, ...m.atoms];
  }
  return out;
}

type RouteRule = {
  name: string;
  condition?: Condition;
  conditionText?: string;
  target?: string;
  url?: string;
};

function byName(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * An Apigee API proxy bundle (`apiproxy/`: the proxy's manifest, proxy
 * endpoints, target endpoints, policies): one route per conditional Flow
 * of each ProxyEndpoint (path and verb from its Condition, under the
 * BasePath) and one for the rest of the BasePath; upstreams from the
 * RouteRules' TargetEndpoints (URL, or load-balanced TargetServers by
 * name); authentication and rate limit from the security and traffic
 * policies its steps run. Parts it cannot read are skipped with the file
 * and element they are in.
 *
 * @public
 */
export function parseApigeeBundle(
  files: readonly BundleFile[],
): GatewayParseResult {
  const routes: NormalizedRoute[] = [];
  const skipped: SkippedItem[] = [];
  const config = files
    .filter(f => isBundleConfigPath(f.path))
    .sort((a, b) => byName(a.path, b.path));
  const xml = (f: BundleFile) => parseXml(f.text, f.path);

  const manifest = config.find(f => /^apiproxy\/[^/]+\.xml$/.test(f.path));
  const manifestName = manifest
    ? xmlElement(xml(manifest).APIProxy)['@_name']
    : undefined;
  const proxyName = String(
    manifestName ?? manifest?.path.slice(9, -4) ?? 'apiproxy',
  );

  const policies = new Map<string, Policy>();
  for (const f of config.filter(p => p.path.startsWith('apiproxy/policies/'))) {
    const doc = xml(f);
    const type = Object.keys(doc).find(k => !k.startsWith('?'));
    const el = type ? xmlElement(doc[type]) : {};
    const name = el['@_name'];
    if (!type || !name) {
      skipped.push({
        document: 0,
        kind: 'policy',
        name: f.path,
        reason: `${f.path}: no policy element with a name attribute`,
      });
      continue;
    }
    if (String(el['@_enabled']).toLowerCase() === 'false') {
      continue; // a disabled policy does not run
    }
    policies.set(String(name), { type, name: String(name), el });
  }

  const targets = new Map<string, Target>();
  for (const f of config.filter(p => p.path.startsWith('apiproxy/targets/'))) {
    for (const el of xmlList(xml(f).TargetEndpoint)) {
      targets.set(String(el['@_name'] ?? ''), targetOf(el, proxyName));
    }
  }

  const endpointFiles = config.filter(p =>
    p.path.startsWith('apiproxy/proxies/'),
  );
  const endpoints = endpointFiles.flatMap(f =>
    xmlList(xml(f).ProxyEndpoint).map(el => ({ file: f.path, el })),
  );

  for (const { file, el } of endpoints) {
    const endpoint = String(el['@_name'] ?? file);
    const where = `${file} ProxyEndpoint ${endpoint}`;
    const connection = xmlElement(el.HTTPProxyConnection);
    const basePath = xmlText(connection.BasePath)?.trim() || '/';
    const virtualHosts = xmlList(connection.VirtualHost)
      .map(v => xmlText(v)?.trim())
      .filter((v): v is string => Boolean(v));
    const prefix =
      endpoints.length > 1 ? `${proxyName}.${endpoint}` : proxyName;

    const parse = (
      text: string | undefined,
      place: string,
    ): Condition | undefined | false => {
      if (!text?.trim()) return undefined;
      try {
        return parseCondition(text);
      } catch (e) {
        skipped.push({
          document: 0,
          kind: 'Condition',
          name: place,
          reason: `${place}: cannot read the condition '${text.trim()}': ${
            (e as Error).message
          }`,
        });
        return false;
      }
    };

    const rules: RouteRule[] = [];
    for (const r of xmlList(el.RouteRule)) {
      const name = String(r['@_name'] ?? `#${rules.length + 1}`);
      const text = xmlText(r.Condition);
      const condition = parse(text, `${where} RouteRule ${name}`);
      if (condition === false) continue;
      rules.push({
        name,
        condition,
        conditionText: condition ? conditionText(condition) : undefined,
        target: xmlText(r.TargetEndpoint)?.trim() || undefined,
        url: xmlText(r.URL)?.trim() || undefined,
      });
    }

    const policySteps = (steps: Step[], place: string) => {
      const found: Policy[] = [];
      for (const s of steps) {
        const p = policies.get(s.name);
        if (p) {
          found.push(p);
        } else if (!found.some(f => f.name === s.name)) {
          skipped.push({
            document: 0,
            kind: 'Step',
            name: s.name,
            reason: `${place}: step '${s.name}' names no enabled policy in apiproxy/policies/`,
          });
        }
      }
      return found;
    };
    const preFlow = el.PreFlow;
    const postFlow = el.PostFlow;
    const common = {
      before: policySteps(
        [...stepsOf(preFlow, 'Request'), ...stepsOf(preFlow, 'Response')],
        `${where} PreFlow`,
      ),
      after: policySteps(
        [...stepsOf(postFlow, 'Request'), ...stepsOf(postFlow, 'Response')],
        `${where} PostFlow`,
      ),
    };

    /** The routes for one match: one per RouteRule that may take it. */
    const emit = (
      name: string,
      location: string,
      match: Match,
      flowPolicies: Policy[],
      answersItself: boolean,
    ) => {
      const all = [...common.before, ...flowPolicies, ...common.after];
      const plugins = [...new Set(all.map(p => p.name))];
      const authentication = all.map(authenticationOf).find(Boolean);
      const rateLimit = all.map(rateLimitOf).find(Boolean);
      type Variant = {
        rule?: RouteRule;
        upstreams?: RouteUpstream[];
        reason?: string;
        when?: string;
      };
      const variants: Variant[] = [];
      if (answersItself) {
        variants.push({ upstreams: [{ kind: 'mock' }] });
      } else {
        for (const rule of rules) {
          const decided = rule.condition
            ? evaluate(rule.condition, {
                atoms: match.atoms,
                methods: match.methods,
              })
            : true;
          if (decided === false) continue;
          let variant: Variant;
          if (rule.url) {
            variant = { rule, upstreams: [urlUpstream(rule.url)] };
          } else if (!rule.target) {
            // A null route: the proxy answers without calling a backend.
            variant = { rule, upstreams: [{ kind: 'mock' }] };
          } else {
            const target = targets.get(rule.target);
            if (!target) {
              variant = {
                rule,
                reason: `${where} RouteRule ${rule.name}: TargetEndpoint '${rule.target}' is not in apiproxy/targets/`,
              };
            } else if ('reason' in target) {
              variant = {
                rule,
                reason: `${where} RouteRule ${rule.name}: ${target.reason}`,
              };
            } else {
              // Keep the TargetEndpoint's name: the bundle's name for the upstream.
              variant = {
                rule,
                upstreams: target.upstreams.map(u =>
                  u.kind === 'mock' ? u : { ...u, name: rule.target },
                ),
              };
            }
          }
          if (decided === undefined) {
            variant.when = `route rule ${rule.name}: ${rule.conditionText}`;
          }
          variants.push(variant);
          if (decided === true) break;
        }
        if (!variants.length) {
          skipped.push({
            document: 0,
            kind: 'route',
            name,
            reason: `${location}: no RouteRule takes these requests`,
          });
          return;
        }
      }
      for (const v of variants) {
        const routeName =
          variants.length > 1 && v.rule ? `${name}.route-${v.rule.name}` : name;
        if (v.reason || !v.upstreams) {
          skipped.push({
            document: 0,
            kind: 'route',
            name: routeName,
            reason: v.reason ?? `${location}: no upstream`,
          });
          continue;
        }
        routes.push({
          format: 'apigee',
          name: routeName,
          hosts: [],
          paths: match.paths,
          pathMatch: match.pathMatch,
          methods: match.methods,
          upstreams: v.upstreams,
          ...(authentication ? { authentication } : {}),
          ...(rateLimit ? { rateLimit } : {}),
          plugins,
          parents: virtualHosts,
          conditions: [...match.conditions, ...(v.when ? [v.when] : [])],
          source: { document: 0, location },
        });
      }
    };

    const flows = xmlList(xmlElement(el.Flows).Flow);
    const seen = new Set<string>();
    let catchAll: Policy[] = [];
    let catchAllAnswers = false;
    flows.forEach((flow, i) => {
      let flowName = String(flow['@_name'] ?? `flow-${i}`);
      if (seen.has(flowName)) flowName = `${flowName}-${i}`;
      seen.add(flowName);
      const location = `${file} Flow ${flowName}`;
      const flowPolicies = policySteps(
        [...stepsOf(flow, 'Request'), ...stepsOf(flow, 'Response')],
        location,
      );
      const condition = parse(xmlText(flow.Condition), location);
      if (condition === false) return;
      if (!condition) {
        // The condition-less Flow takes what no other Flow took.
        catchAll = flowPolicies;
        catchAllAnswers = flowPolicies.some(p => p.type === 'RaiseFault');
        return;
      }
      const alternatives = toAlternatives(condition);
      const matches = alternatives
        ? merge(alternatives.map(a => matchOf(a, basePath)))
        : [
            {
              ...matchOf([], basePath),
              conditions: [conditionText(condition)],
            },
          ];
      matches.forEach((m, j) =>
        emit(
          matches.length > 1
            ? `${prefix}.${flowName}-${j + 1}`
            : `${prefix}.${flowName}`,
          location,
          m,
          flowPolicies,
          false,
        ),
      );
    });
    // Requests under the BasePath that no conditional Flow takes still reach the route rules.
    emit(prefix, where, matchOf([], basePath), catchAll, catchAllAnswers);
  }
  if (!endpoints.length) {
    throw new Error(
      'no ProxyEndpoint in apiproxy/proxies/*.xml: not an API proxy bundle',
    );
  }
  return { routes, skipped };
}

/** Whether the files are an Apigee API proxy bundle. */
export function isApigeeBundle(paths: readonly string[]): boolean {
  return paths.some(p => /^apiproxy\/proxies\/[^/]+\.xml$/.test(p));
}
