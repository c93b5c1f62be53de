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
    // `{secret}` stays as written: the backend fills it in when sending.
    { label: 'Endpoint URL', value: spec.url && <code>{spec.url}</code> },
    {
      label: 'URL secret ref',
      value: spec.urlSecretRef && <code>{spec.urlSecretRef}</code>,
    },
    {
      label: 'Signing',
      value: signingLabel(signing),
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

function signingLabel(signing: WebhookEntityV1alpha1['spec']['signing']) {
  if (signing?.scheme === 'none') {
    return <strong>unsigned</strong>;
  }
  if (signing?.scheme === 'shared-token') {
    // A token proves only that the sender knows it: the body is not
    // covered and a captured request can be replayed.
    return (
      <span>
        shared token in <code>{signing.header ?? 'x-webhook-token'}</code>{' '}
        <strong>(weaker than an HMAC signature: no body or replay protection)</strong>
      </span>
    );
  }
  return signing?.scheme;
}
