import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkCommand } from './check';

const examples = path.resolve(__dirname, '../../../../examples');

async function run(patterns: string[], options = {}) {
  const lines: string[] = [];
  const code = await checkCommand(patterns, options, {
    log: l => lines.push(l),
  });
  return { code, output: lines.join('\n') };
}

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interchange-check-'));
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('interchange check', () => {
  it('lists the demo anti-patterns as JSON with rule, refs, severity, message, fix, file and line', async () => {
    const { code, output } = await run([examples], { format: 'json' });
    expect(code).toBe(1);
    const { findings, excused } = JSON.parse(output);
    const rules = new Set(findings.map((f: any) => f.rule));
    for (const rule of [
      'coupling/sync-cycle',
      'coupling/shared-topic-writers',
      'overengineering/self-topic',
      'hygiene/orphan-topic',
      'hygiene/unsigned-webhook',
      'hygiene/public-route-without-auth',
    ]) {
      expect(rules).toContain(rule);
    }
    expect(findings).toContainEqual({
      rule: 'coupling/sync-cycle',
      severity: 'error',
      entityRef: 'system:default/fulfillment',
      entityRefs: ['system:default/fulfillment', 'system:default/storefront'],
      message:
        'Systems call each other synchronously in a cycle: system:default/fulfillment -> system:default/storefront -> system:default/fulfillment',
      fix: expect.any(String),
      file: path.join(examples, 'systems.yaml'),
      line: 20,
    });
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: 'hygiene/unsigned-webhook',
        entityRef: 'webhook:default/marketplace-stock-feed',
        file: path.join(examples, 'integrations/webhooks.yaml'),
      }),
    );
    // The token endpoint's exception (with a reason) hides its finding; the
    // callbacks route's exception has expired, so its finding stays.
    expect(excused).toContainEqual(
      expect.objectContaining({
        rule: 'hygiene/public-route-without-auth',
        entityRef: 'gatewayroute:default/public-oauth-token',
      }),
    );
    expect(
      findings
        .filter((f: any) => f.rule === 'hygiene/public-route-without-auth')
        .map((f: any) => f.entityRef),
    ).toEqual(['gatewayroute:default/payment-provider-callbacks']);
  });

  it('prints text with file:line and fix, and says which rules need live data', async () => {
    const { output } = await run([examples]);
    expect(output).toContain(
      `${path.join(
        examples,
        'integrations/kafka-topics.yaml',
      )}:59  warning  hygiene/orphan-topic  kafkatopic:default/orders.order-events.v1.dlq`,
    );
    expect(output).toContain(
      'skipped: drift/kafka-topic: needs live data; none given (offline)',
    );
    expect(output).toContain(
      'skipped: overengineering/idle-integration: needs live data; none given (offline)',
    );
    expect(output).toContain(
      'kafkatopic:default/audit.log-archive is invalid; not checked',
    );
  });

  it('exits 0 when only warnings are found, and reads rule settings from --config', async () => {
    const dir = tempDir({
      'catalog-info.yaml': `apiVersion: interchange.dev/v1alpha1
kind: KafkaTopic
metadata:
  name: lonely
spec:
  owner: team-a
  cluster: local
`,
      'app-config.yaml': `interchange:
  checks:
    hygiene/orphan-topic:
      severity: error
`,
    });
    const plain = await run([path.join(dir, 'catalog-info.yaml')], {
      format: 'json',
    });
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.output).skippedRules).toContainEqual(
      expect.objectContaining({ rule: 'hygiene/unowned' }),
    );
    const strict = await run([path.join(dir, 'catalog-info.yaml')], {
      config: path.join(dir, 'app-config.yaml'),
    });
    expect(strict.code).toBe(1);
    expect(strict.output).toContain(
      'error  hygiene/orphan-topic  kafkatopic:default/lonely',
    );
  });

  it('finds bindings and dead-letter exchanges naming exchanges the files do not declare', async () => {
    const dir = tempDir({
      'rabbitmq.yaml': [
        'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\nspec:\n  type: team\n  children: []\n',
        'apiVersion: interchange.dev/v1alpha1\nkind: RabbitMQExchange\nmetadata:\n  name: notifications\nspec:\n  owner: team-a\n  broker: local\n  exchangeType: topic\n',
        'apiVersion: interchange.dev/v1alpha1\nkind: RabbitMQQueue\nmetadata:\n  name: email\nspec:\n  owner: team-a\n  broker: local\n  bindings:\n    - exchange: notificatons\n  deadLetterExchange: dead-letters\n',
      ].join('---\n'),
    });
    const { code, output } = await run([dir], { format: 'json' });
    expect(code).toBe(1);
    const findings = JSON.parse(output).findings.filter((f: any) =>
      f.rule.startsWith('rabbitmq/'),
    );
    expect(
      findings.map((f: any) => [f.rule, f.severity, f.entityRef, f.message]),
    ).toEqual([
      [
        'rabbitmq/binding-to-undeclared-exchange',
        'error',
        'rabbitmqqueue:default/email',
        "rabbitmqqueue:default/email is bound to exchange 'notificatons', which is not declared on broker 'local', vhost '/'",
      ],
      [
        'rabbitmq/missing-dead-letter-exchange',
        'error',
        'rabbitmqqueue:default/email',
        "rabbitmqqueue:default/email dead-letters to exchange 'dead-letters', which is not declared on broker 'local', vhost '/'",
      ],
    ]);
    expect(findings[0].fix).toContain("did you mean 'notifications'?");
  });

  it('names an unknown rule id in the config, and a bad format', async () => {
    const dir = tempDir({
      'app-config.yaml':
        'interchange:\n  checks:\n    coupling/hubs: { threshold: 3 }\n',
      'c.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: g }\nspec: { type: team, children: [] }\n',
    });
    const bad = await run([path.join(dir, 'c.yaml')], {
      config: path.join(dir, 'app-config.yaml'),
    });
    expect(bad.code).toBe(2);
    expect(bad.output).toContain(
      "interchange.checks.coupling/hubs: unknown rule id 'coupling/hubs'",
    );
    expect((await run([dir], { format: 'xml' })).output).toBe(
      "--format must be text, json or sarif (got 'xml')",
    );
  });
});
