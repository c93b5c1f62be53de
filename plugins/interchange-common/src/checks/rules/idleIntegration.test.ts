import { runChecks } from '../runChecks';
import { buildIntegrationGraph } from '../../graph';
import { component, runRule, topic, webhook } from '../testEntities';
import { idleIntegrationRule } from './idleIntegration';

const entities = [
  component('a'),
  topic('t', { producers: ['a'] }),
  topic('busy', { producers: ['a'] }),
  webhook('w', { sender: 'a', url: 'https://x.example' }),
];

describe('overengineering/idle-integration', () => {
  it('reports a topic idle for more than 30 days and a webhook that never delivered', () => {
    const findings = runRule(idleIntegrationRule, entities, {
      liveData: {
        topicLastMessageAt: {
          'kafkatopic:default/t': '2025-12-01T00:00:00Z',
          'kafkatopic:default/busy': '2026-01-14T00:00:00Z',
        },
        webhookLastDeliveryAt: { 'webhook:default/w': null },
      },
    });
    expect(findings.map(f => f.entityRef)).toEqual([
      'kafkatopic:default/t',
      'webhook:default/w',
    ]);
  });

  it('does not report a message 29 days ago (near miss), and honours days', () => {
    const liveData = {
      topicLastMessageAt: { 'kafkatopic:default/t': '2025-12-17T00:00:00Z' },
    };
    expect(runRule(idleIntegrationRule, entities, { liveData })).toEqual([]);
    expect(
      runRule(idleIntegrationRule, entities, { liveData, days: 7 }),
    ).toHaveLength(1);
  });

  it('judges a topic or webhook with nothing retained by how long it has been quiet', () => {
    const liveData = {
      topicLastMessageAt: { 'kafkatopic:default/t': null },
      webhookLastDeliveryAt: { 'webhook:default/w': null },
      quietSince: {
        // Quiet for 45 days: idle.
        'kafkatopic:default/t': '2025-12-01T00:00:00Z',
        // Quiet for 10 days only (near miss): what came before is unknown.
        'webhook:default/w': '2026-01-05T00:00:00Z',
      },
    };
    const findings = runRule(idleIntegrationRule, entities, { liveData });
    expect(findings.map(f => [f.entityRef, f.message])).toEqual([
      [
        'kafkatopic:default/t',
        'kafkatopic:default/t has had no new message for more than 30 days (none seen since 2025-12-01T00:00:00Z; older ones are no longer retained)',
      ],
    ]);
    expect(findings[0].details).toEqual({
      days: 30,
      last: null,
      quietSince: '2025-12-01T00:00:00Z',
    });
  });

  it('is skipped with the collector’s reasons when no live data came', () => {
    const result = runChecks(buildIntegrationGraph(entities), {
      rules: [idleIntegrationRule],
      liveData: {
        unavailable: {
          topicLastMessageAt: [
            'Kafka cluster local unreachable: connection refused',
          ],
          webhookLastDeliveryAt: [],
        },
      },
    });
    expect(result.skippedRules).toEqual([
      {
        rule: 'overengineering/idle-integration',
        reason:
          'needs live data (newest message per topic, last delivery per webhook): Kafka cluster local unreachable: connection refused',
      },
    ]);
  });

  it('is skipped, with a note, without live data', () => {
    const result = runChecks(buildIntegrationGraph(entities), {
      rules: [idleIntegrationRule],
    });
    expect(result.skippedRules).toEqual([
      {
        rule: 'overengineering/idle-integration',
        reason: 'needs live data; none given (offline)',
      },
    ]);
  });
});
