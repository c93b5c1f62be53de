import { WebhookEntityV1alpha1 } from '@interchange/plugin-interchange-common';
import { Field } from '../FieldList';
import { Chips } from '../Chips';
import { Refs } from '../Refs';

export function webhookFields(entity: WebhookEntityV1alpha1): Field[] {
  const spec = entity.spec;
  const ns = entity.metadata.namespace;
  const signing = spec.signing;
  return [
    { label: 'Events', value: <Chips values={spec.events} mono /> },
    {
      label: 'Sender',
      value: <Refs refs={spec.sender} defaultKind="Component" namespace={ns} />,
    },
    {
      label: 'Receiver',
      value: (
        <Refs refs={spec.receiver} defaultKind="Component" namespace={ns} />
      ),
    },
    { label: 'Endpoint URL', value: spec.url && <code>{spec.url}</code> },
    {
      label: 'Signing',
      value:
        signing?.scheme === 'none' ? (
          <strong>unsigned</strong>
        ) : (
          signing?.scheme
        ),
    },
    // Only the secret's name is in the entity; the value stays in app-config.
    {
      label: 'Secret ref',
      value: signing?.secretRef && <code>{signing.secretRef}</code>,
    },
    {
      label: 'Payload schema',
      value: <Refs refs={spec.schema} defaultKind="API" namespace={ns} />,
    },
    {
      label: 'Retry',
      value:
        spec.retry &&
        [
          spec.retry.maxAttempts && `${spec.retry.maxAttempts} attempts`,
          spec.retry.backoff && `${spec.retry.backoff} backoff`,
        ]
          .filter(Boolean)
          .join(', '),
    },
  ];
}
