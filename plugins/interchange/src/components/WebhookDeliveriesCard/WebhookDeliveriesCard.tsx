import { useCallback, useState } from 'react';
import {
  Box,
  Button,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import {
  isWebhookEntity,
  WebhookDelivery,
  WebhookSendResult,
} from '@interchange/plugin-interchange-common';
import { interchangeApiRef } from '../../api';
import { InterchangeErrorPanel } from '../InterchangeErrorPanel';
import { useEntityData } from '../EntityDataCard';
import { OutcomeChip } from '../OutcomeChip';
import { WebhookHealthSummary } from '../WebhookHealthSummary';

function SignaturePreview(props: { result: WebhookSendResult }) {
  const { delivery, signature } = props.result;
  return (
    <Box
      my={2}
      p={2}
      border={1}
      borderColor="divider"
      borderRadius={4}
      aria-label="signature preview"
    >
      <Typography variant="subtitle2">
        Sent {delivery.eventType} ({delivery.eventId}):{' '}
        <OutcomeChip outcome={delivery.outcome} />
        {delivery.statusCode ? ` HTTP ${delivery.statusCode}` : ''}
        {delivery.error ? ` ${delivery.error}` : ''}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Signed with {signature.scheme}
        {signature.secretRef ? `, secret ${signature.secretRef}` : ''}
        {signature.secret ? ` (${signature.secret})` : ''}. Headers sent:
      </Typography>
      <Box
        component="pre"
        m={0}
        mt={1}
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
      >
        {Object.entries(signature.headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n')}
      </Box>
    </Box>
  );
}

/**
 * A Webhook entity's delivery log with endpoint health, "Send test event"
 * (signed, sent by the backend to `spec.url`) and redelivery.
 *
 * @public
 */
export function WebhookDeliveriesCard() {
  const { entity } = useEntity();
  const api = useApi(interchangeApiRef);
  const ref = getCompoundEntityRef(entity);
  const webhook = isWebhookEntity(entity) ? entity : undefined;
  const events = webhook?.spec.events ?? [];
  const [eventType, setEventType] = useState(events[0] ?? '');
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<WebhookSendResult>();
  const [sendError, setSendError] = useState<Error>();

  const log = useEntityData((a, r) => a.getWebhookDeliveries(r));

  const run = useCallback(
    async (action: () => Promise<WebhookSendResult>) => {
      setSending(true);
      setSendError(undefined);
      try {
        setSent(await action());
      } catch (e) {
        setSendError(e as Error);
      } finally {
        setSending(false);
        log.retry();
      }
    },
    [log],
  );

  const columns: TableColumn<WebhookDelivery>[] = [
    {
      title: 'Time',
      field: 'attemptedAt',
      render: d => new Date(d.attemptedAt).toLocaleString(),
    },
    { title: 'Direction', field: 'direction' },
    { title: 'Event', field: 'eventType' },
    { title: 'Event id', field: 'eventId' },
    { title: 'Outcome', render: d => <OutcomeChip outcome={d.outcome} /> },
    { title: 'Status', field: 'statusCode' },
    { title: 'Duration', render: d => `${d.durationMs} ms` },
    {
      title: 'Details',
      render: d =>
        d.error ?? d.response ?? (d.redeliveryOf ? 'redelivery' : ''),
    },
    {
      title: '',
      render: d =>
        d.direction === 'outbound' ? (
          <Button
            size="small"
            disabled={sending}
            onClick={() => run(() => api.redeliverWebhook(ref, d.id))}
          >
            Redeliver
          </Button>
        ) : null,
    },
  ];

  return (
    <InfoCard title="Deliveries">
      {webhook?.spec.url ? (
        <Box display="flex" alignItems="center" gridGap={16} mb={2}>
          {events.length > 1 && (
            <TextField
              select
              size="small"
              variant="outlined"
              label="Event type"
              value={eventType}
              onChange={e => setEventType(e.target.value)}
            >
              {events.map(e => (
                <MenuItem key={e} value={e}>
                  {e}
                </MenuItem>
              ))}
            </TextField>
          )}
          <Button
            variant="contained"
            color="primary"
            disabled={sending}
            onClick={() => run(() => api.sendWebhookTestEvent(ref, eventType))}
          >
            Send test event
          </Button>
          <Typography variant="body2" color="textSecondary">
            Signed and sent by the portal to {webhook.spec.url}
          </Typography>
        </Box>
      ) : (
        <Typography variant="body2" color="textSecondary" paragraph>
          Received by this portal at /api/interchange/webhooks/{ref.namespace}/
          {ref.name}/receive; deliveries appear below as they arrive.
        </Typography>
      )}
      {sendError && (
        <Alert severity="error" style={{ marginBottom: 16 }}>
          {/* The server's reason (e.g. who may send), not just the status. */}
          {(sendError as { cause?: Error }).cause?.message ?? sendError.message}
        </Alert>
      )}
      {sent && <SignaturePreview result={sent} />}
      {log.error && (
        <InterchangeErrorPanel
          title="Could not read the delivery log"
          error={log.error}
        />
      )}
      {log.loading && !log.value && <Progress />}
      {log.value && (
        <>
          <Box mb={2}>
            <WebhookHealthSummary health={log.value.health} />
          </Box>
          <Table<WebhookDelivery>
            title="Delivery log"
            columns={columns}
            data={log.value.items}
            options={{
              paging: true,
              pageSize: 10,
              padding: 'dense',
              search: false,
            }}
            emptyContent={
              <Box p={2}>
                <Typography variant="body2">No deliveries yet.</Typography>
              </Box>
            }
          />
        </>
      )}
    </InfoCard>
  );
}
