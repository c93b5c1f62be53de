import { buildIntegrationGraph } from '../graph';
import { BUILTIN_CHECK_RULES } from './builtinRules';
import { runChecks } from './runChecks';
import { group, route, topic } from './testEntities';

const now = new Date('2026-01-15T12:00:00Z');
const openRoute = (annotations?: Record<string, string>) =>
  route('open', { exposure: 'public', authentication: 'none' }, annotations);
const graphOf = (...entities: any[]) =>
  buildIntegrationGraph([group('team-a'), ...entities]);
const ruleIds = (r: ReturnType<typeof runChecks>) =>
  r.findings.map(f => f.rule);

describe('runChecks', () => {
  it('gives every rule an id, severity, description, explanation and fix', () => {
    for (const rule of BUILTIN_CHECK_RULES) {
      expect(rule.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
      expect(rule.description && rule.explanation && rule.fix).toBeTruthy();
    }
    expect(BUILTIN_CHECK_RULES.map(r => r.id)).toEqual(
      expect.arrayContaining([
        'coupling/sync-cycle',
        'coupling/shared-topic-writers',
        'coupling/chatty-systems',
        'coupling/hub',
        'coupling/deep-sync-chain',
        'overengineering/self-topic',
        'overengineering/gateway-for-internal-calls',
        'overengineering/idle-integration',
        'hygiene/orphan-topic',
        'hygiene/writerless-topic',
        'hygiene/unowned',
        'hygiene/unsigned-webhook',
        'hygiene/public-route-without-auth',
        'hygiene/topic-without-schema',
        'hygiene/webhook-without-retry',
        'hygiene/deprecated-dependency',
        'drift/kafka-topic',
        'drift/gateway-route',
      ]),
    );
  });

  it('returns findings with rule, severity, refs, message, fix and details, errors first', () => {
    const result = runChecks(graphOf(openRoute(), topic('t')), { now });
    expect(result.findings[0]).toEqual({
      rule: 'hygiene/public-route-without-auth',
      severity: 'error',
      entityRef: 'gatewayroute:default/open',
      entityRefs: ['gatewayroute:default/open'],
      message: 'gatewayroute:default/open is public without authentication',
      fix: expect.stringContaining('spec.authentication'),
      details: expect.objectContaining({ exposure: 'public' }),
    });
    expect(ruleIds(result)).toEqual([
      'hygiene/public-route-without-auth',
      'hygiene/orphan-topic',
      'hygiene/writerless-topic',
      'hygiene/topic-without-schema',
    ]);
  });

  it('applies enabled, severity and threshold from config', () => {
    const result = runChecks(graphOf(openRoute(), topic('t')), {
      now,
      config: {
        'hygiene/public-route-without-auth': { severity: 'warning' },
        'hygiene/orphan-topic': { enabled: false },
        'coupling/hub': { threshold: 20 },
      },
    });
    expect(result.findings[0].severity).toBe('warning');
    expect(ruleIds(result)).not.toContain('hygiene/orphan-topic');
    expect(result.skippedRules).toContainEqual({
      rule: 'hygiene/orphan-topic',
      reason: 'disabled in interchange.checks',
    });
  });

  it('rejects unknown rule ids and settings, naming the key', () => {
    const graph = graphOf();
    expect(() =>
      runChecks(graph, { config: { 'coupling/hubs': { threshold: 3 } } }),
    ).toThrow(
      /^interchange\.checks\.coupling\/hubs: unknown rule id 'coupling\/hubs'/,
    );
    expect(() =>
      runChecks(graph, {
        config: { 'hygiene/orphan-topic': { threshold: 3 } },
      }),
    ).toThrow(
      'interchange.checks.hygiene/orphan-topic.threshold: not a setting of this rule (allowed: enabled, severity)',
    );
    expect(() =>
      runChecks(graph, { config: { 'coupling/hub': { severity: 'fatal' } } }),
    ).toThrow(
      "interchange.checks.coupling/hub.severity: must be error, warning or info (got 'fatal')",
    );
  });

  it('hides a finding excused by an exception with a reason, until it expires', () => {
    const exception = (expires?: string) => ({
      'interchange.dev/check-exceptions': `- rule: hygiene/public-route-without-auth
  reason: The token endpoint is where clients authenticate.
${expires ? `  expires: ${expires}\n` : ''}`,
    });
    const hidden = runChecks(graphOf(openRoute(exception('2026-01-15'))), {
      now,
    });
    expect(ruleIds(hidden)).not.toContain('hygiene/public-route-without-auth');
    expect(hidden.excused).toEqual([
      expect.objectContaining({
        exceptionOn: 'gatewayroute:default/open',
        exception: {
          rule: 'hygiene/public-route-without-auth',
          reason: 'The token endpoint is where clients authenticate.',
          expires: '2026-01-15',
        },
      }),
    ]);
    expect(
      ruleIds(runChecks(graphOf(openRoute(exception())), { now })),
    ).not.toContain('hygiene/public-route-without-auth');

    const expired = runChecks(graphOf(openRoute(exception('2026-01-14'))), {
      now,
    });
    expect(expired.findings[0].rule).toBe('hygiene/public-route-without-auth');
    expect(expired.findings[0].details.expiredException).toEqual(
      expect.objectContaining({ expires: '2026-01-14' }),
    );
  });

  it('reports a malformed exception clearly and does not let it hide anything', () => {
    const result = runChecks(
      graphOf(
        openRoute({
          'interchange.dev/check-exceptions':
            '[{ "rule": "hygiene/public-route-without-auth" }, { "rule": "hygiene/nope", "reason": "x", "expires": "soon" }]',
        }),
      ),
      { now },
    );
    const invalid = result.findings.find(
      f => f.rule === 'checks/invalid-exception',
    );
    expect(invalid?.severity).toBe('error');
    expect(invalid?.details.problems).toEqual([
      'entry 1: reason is required (why the finding is acceptable)',
      "entry 2: rule 'hygiene/nope' is not a known rule id",
      "entry 2: expires 'soon' is not a date (use YYYY-MM-DD)",
    ]);
    expect(ruleIds(result)).toContain('hygiene/public-route-without-auth');
    const notAList = runChecks(
      graphOf(openRoute({ 'interchange.dev/check-exceptions': 'rule: x' })),
      { now },
    );
    expect(
      notAList.findings.find(f => f.rule === 'checks/invalid-exception')
        ?.message,
    ).toContain('must be a list of { rule, reason, expires? } entries');
  });

  it('keeps going when a rule throws, and reports it', () => {
    const result = runChecks(graphOf(), {
      rules: [
        ...BUILTIN_CHECK_RULES,
        {
          id: 'custom/broken',
          defaultSeverity: 'info',
          description: 'd',
          explanation: 'e',
          fix: 'f',
          run: () => {
            throw new Error('boom');
          },
        },
      ],
    });
    expect(result.skippedRules).toContainEqual({
      rule: 'custom/broken',
      reason: 'failed: boom',
    });
  });
});
