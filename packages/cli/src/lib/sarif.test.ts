/*
 * Validates `interchange check --format sarif` against the SARIF 2.1.0 JSON
 * schema. sarif-2.1.0-rtm.5.schema.json is copied unchanged from the npm
 * package @microsoft/jest-sarif 1.0.0-beta.0 (lib/schemas/, MIT licence,
 * Copyright (c) Microsoft Corporation), which ships it for the same purpose;
 * it is the SARIF 2.1.0 schema as published on SchemaStore (draft-04).
 */
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { checkCommand } from '../commands/check';
import schema from './sarif-2.1.0-rtm.5.schema.json';

const examples = path.resolve(__dirname, '../../../../examples');

describe('interchange check --format sarif', () => {
  it('prints a SARIF 2.1.0 log that validates against the published schema', async () => {
    const lines: string[] = [];
    const code = await checkCommand(
      [examples],
      { format: 'sarif' },
      {
        log: l => lines.push(l),
      },
    );
    expect(code).toBe(1);
    const log = JSON.parse(lines.join('\n'));

    const ajv = new Ajv({
      allErrors: true,
      strict: false,
      // The schema's `language` pattern is not valid as a unicode regexp.
      unicodeRegExp: false,
    });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate.errors ?? []).toEqual([]);
    expect(validate(log)).toBe(true);

    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(
      expect.arrayContaining([
        'coupling/sync-cycle',
        'hygiene/orphan-topic',
        'drift/kafka-topic',
      ]),
    );
    const orphan = run.results.find(
      (r: any) =>
        r.ruleId === 'hygiene/orphan-topic' &&
        r.properties.entityRef ===
          'kafkatopic:default/orders.order-events.v1.dlq',
    );
    expect(orphan.level).toBe('warning');
    expect(orphan.locations[0].physicalLocation).toEqual({
      artifactLocation: {
        uri: path
          .relative(
            process.cwd(),
            path.join(examples, 'integrations/kafka-topics.yaml'),
          )
          .split(path.sep)
          .join('/'),
      },
      region: { startLine: 59 },
    });
    expect(run.invocations[0].toolExecutionNotifications).toContainEqual(
      expect.objectContaining({ descriptor: { id: 'drift/kafka-topic' } }),
    );
  });

  it('the schema rejects a log that breaks it (the check is real)', () => {
    const ajv = new Ajv({
      strict: false,
      validateFormats: false,
      unicodeRegExp: false,
    });
    const validate = ajv.compile(schema);
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
  });
});
