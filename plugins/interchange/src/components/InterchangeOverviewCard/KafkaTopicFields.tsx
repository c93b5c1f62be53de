import {
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@material-ui/core';
import {
  getKafkaTopicName,
  KafkaTopicEntityV1alpha1,
} from '@interchange/plugin-interchange-common';
import { Field } from '../FieldList';
import { Refs } from '../Refs';

export function kafkaTopicFields(entity: KafkaTopicEntityV1alpha1): Field[] {
  const spec = entity.spec;
  const ns = entity.metadata.namespace;
  const config = Object.entries(spec.config ?? {});
  return [
    { label: 'Cluster', value: <code>{spec.cluster}</code> },
    { label: 'Topic name', value: <code>{getKafkaTopicName(entity)}</code> },
    { label: 'Partitions', value: spec.partitions },
    { label: 'Replication factor', value: spec.replicationFactor },
    {
      label: 'Payload schema',
      value: <Refs refs={spec.schema} defaultKind="API" namespace={ns} />,
    },
    {
      label: 'Producers',
      value: (
        <Refs refs={spec.producers} defaultKind="Component" namespace={ns} />
      ),
    },
    {
      label: 'Consumers',
      value: spec.consumers?.length ? (
        <div>
          {spec.consumers.map(c => {
            const ref = typeof c === 'string' ? c : c.entityRef;
            const group = typeof c === 'string' ? undefined : c.consumerGroup;
            return (
              <div key={`${ref}/${group ?? ''}`}>
                <Refs refs={ref} defaultKind="Component" namespace={ns} />
                {group && (
                  <Typography variant="caption" color="textSecondary">
                    {' '}
                    group <code>{group}</code>
                  </Typography>
                )}
              </div>
            );
          })}
        </div>
      ) : undefined,
    },
    {
      label: 'Config',
      value: config.length ? (
        <Table size="small" aria-label="topic config">
          <TableBody>
            {config.map(([k, v]) => (
              <TableRow key={k}>
                <TableCell style={{ paddingLeft: 0 }}>
                  <code>{k}</code>
                </TableCell>
                <TableCell>
                  <code>{String(v)}</code>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        'broker defaults'
      ),
    },
  ];
}
