import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateCommand } from './validate';

const examples = path.resolve(__dirname, '../../../../examples');

async function run(patterns: string[], options = {}) {
  const lines: string[] = [];
  const code = await validateCommand(patterns, options, {
    log: l => lines.push(l),
  });
  return { code, output: lines.join('\n') };
}

function tempFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interchange-validate-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('interchange validate', () => {
  it('passes on the valid demo files, core kinds included', async () => {
    const { code, output } = await run([
      path.join(examples, '{org,systems,components,apis}.yaml'),
      path.join(
        examples,
        'integrations/{kafka-topics,gateway-routes,webhooks}.yaml',
      ),
    ]);
    expect(output).toContain('7 files, 77 entities: all valid');
    expect(code).toBe(0);
  });

  it('fails on the broken examples and prints file:line, entity, field and fix', async () => {
    const { code, output } = await run([
      path.join(examples, 'integrations/invalid-examples.yaml'),
    ]);
    expect(code).toBe(1);
    const file = path.join(examples, 'integrations/invalid-examples.yaml');
    expect(output).toContain(`${file}  kafkatopic:default/audit.log-archive`);
    expect(output).toContain(
      `${file}:16  spec.config.cleanup.policy: must be 'delete', 'compact' or both (got 'archive')\n      fix: use 'delete', 'compact' or 'compact,delete'`,
    );
    expect(output).toContain(
      `${file}:32  spec.signing.secret: looks like a literal secret`,
    );
    expect(output).not.toContain('pasted-signing-secret-value');
    expect(output).toContain('1 file, 2 entities: 2 invalid, 5 problems');
  });

  it("skips other tools' YAML in a scanned folder, and names a missing metadata", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interchange-validate-'));
    fs.writeFileSync(
      path.join(dir, 'kong.yml'),
      '_format_version: "3.0"\nservices: []\n',
    );
    fs.writeFileSync(
      path.join(dir, 'catalog-info.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nspec:\n  type: service\n',
    );
    const { code, output } = await run([dir]);
    expect(output).toContain(
      `note: ${path.join(
        dir,
        'kong.yml',
      )}:1 is not a catalog entity (no apiVersion or kind); skipped`,
    );
    expect(output).toContain(
      `${path.join(
        dir,
        'catalog-info.yaml',
      )}:1  metadata: is required (a map with at least name)`,
    );
    expect(output).toContain('2 files, 1 entity: 1 invalid, 1 problem');
    expect(code).toBe(1);
  });

  it("uses Backstage's own validators for core kinds", async () => {
    const file = tempFile(
      'catalog-info.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: cart\nspec:\n  type: service\n  lifecycle: production\n',
    );
    const { code, output } = await run([file]);
    expect(code).toBe(1);
    expect(output).toContain(`${file}:6  spec.owner: is required`);
    const badName = tempFile(
      'c.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: not valid\nspec:\n  owner: x\n',
    );
    expect((await run([badName])).output).toMatch(
      /metadata.name: is not valid; expected a string/,
    );
  });

  it('checks component integration fields', async () => {
    const file = tempFile(
      'catalog-info.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: cart\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n  producesTo: [api:cart-api]\n',
    );
    const { code, output } = await run([file]);
    expect(code).toBe(1);
    expect(output).toContain(
      "spec.producesTo[0]: 'api:cart-api' refers to an api, but only KafkaTopic or Webhook or RabbitMQExchange or RabbitMQQueue can be used here",
    );
  });

  it('reports YAML syntax errors with their line, and unknown kinds as notes', async () => {
    const broken = tempFile('broken.yaml', 'apiVersion: x\nkind: [unclosed\n');
    const res = await run([broken]);
    expect(res.code).toBe(1);
    expect(res.output).toMatch(
      new RegExp(`${broken}:\\d+  \\(yaml\\): invalid YAML`),
    );
    const other = tempFile(
      'other.yaml',
      'apiVersion: example.com/v1\nkind: Frobnicator\nmetadata:\n  name: f\n',
    );
    const res2 = await run([other]);
    expect(res2.code).toBe(0);
    expect(res2.output).toContain(
      'has a kind this command does not know; not checked',
    );
  });

  it('checks cluster ids when the configured ones are given', async () => {
    const { code, output } = await run(
      [path.join(examples, 'integrations/kafka-topics.yaml')],
      { cluster: ['prod-eu'] },
    );
    expect(code).toBe(1);
    expect(output).toContain(
      "spec.cluster: 'local' is not a configured Kafka cluster",
    );
  });

  it('checks bindings and dead-letter exchanges against the exchanges the files declare on the same broker and vhost', async () => {
    const valid = await run([
      path.join(examples, 'integrations/rabbitmq.yaml'),
    ]);
    expect(valid.output).toContain('all valid');
    expect(valid.code).toBe(0);

    const exchange = (name: string, vhost = '/') =>
      `apiVersion: interchange.dev/v1alpha1\nkind: RabbitMQExchange\nmetadata:\n  name: ${name}\nspec:\n  owner: team-a\n  broker: local\n  vhost: ${vhost}\n  exchangeType: topic\n`;
    const file = tempFile(
      'rabbitmq.yaml',
      [
        exchange('notifications'),
        exchange('dead-letters'),
        exchange('audit', 'audit'),
        'apiVersion: interchange.dev/v1alpha1\nkind: RabbitMQQueue\nmetadata:\n  name: email\nspec:\n  owner: team-a\n  broker: local\n  bindings:\n    - exchange: notificatons\n      routingKey: x\n    - exchange: audit\n  deadLetterExchange: dead-leters\n',
        // No exchange of vhost 'legacy' in the files: not checked.
        'apiVersion: interchange.dev/v1alpha1\nkind: RabbitMQQueue\nmetadata:\n  name: legacy\nspec:\n  owner: team-a\n  broker: local\n  vhost: legacy\n  bindings:\n    - exchange: elsewhere\n  deadLetterExchange: elsewhere\n',
      ].join('---\n'),
    );
    const { code, output } = await run([file]);
    expect(code).toBe(1);
    expect(output).toContain(
      `${file}:39  spec.bindings[0].exchange: exchange 'notificatons' is not declared on broker 'local', vhost '/'\n      fix: did you mean 'notifications'?`,
    );
    expect(output).toContain(
      "spec.bindings[1].exchange: exchange 'audit' is not declared on broker 'local', vhost '/'",
    );
    expect(output).toContain(
      `${file}:42  spec.deadLetterExchange: dead-letter exchange 'dead-leters' is not declared on broker 'local', vhost '/'\n      fix: did you mean 'dead-letters'?`,
    );
    expect(output).not.toContain('elsewhere');
    expect(output).toContain('1 file, 5 entities: 1 invalid, 3 problems');
  });

  it('says clearly when nothing matches', async () => {
    const { code, output } = await run(['does-not-exist/*.yaml']);
    expect(code).toBe(1);
    expect(output).toContain('No catalog files match does-not-exist/*.yaml');
  });
});
