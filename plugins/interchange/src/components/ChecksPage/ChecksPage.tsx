import { ChangeEvent, useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Box, TextField, Typography } from '@material-ui/core';
import RefreshIcon from '@material-ui/icons/Refresh';
import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { IntegrationCheckFinding, interchangeApiRef } from '../../api';
import { ListPage } from '../ListPage';
import { formatTime, SeverityChip } from '../IntegrationChecksCard';
import {
  choices,
  filterFindings,
  FindingsFilter,
  NO_FILTER,
} from './filterFindings';

type Row = IntegrationCheckFinding & { id: string };

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };

const columns: TableColumn<Row>[] = [
  {
    title: 'Severity',
    field: 'severity',
    render: r => <SeverityChip severity={r.severity} />,
    customSort: (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
    width: '8%',
  },
  {
    title: 'Rule',
    field: 'rule',
    render: r => <code>{r.rule}</code>,
  },
  {
    title: 'Entity',
    field: 'entityRef',
    render: r => <EntityRefLink entityRef={r.entityRef} />,
  },
  {
    title: 'Finding',
    field: 'message',
    render: r => (
      <>
        <Typography variant="body2">{r.message}</Typography>
        <Typography variant="body2" color="textSecondary">
          <strong>Fix:</strong> {r.fix}
        </Typography>
      </>
    ),
  },
  {
    title: 'Teams',
    render: r =>
      r.owners.map(o => o.replace(/^group:default\//, '')).join(', '),
  },
  {
    title: 'First seen',
    field: 'firstSeen',
    render: r => formatTime(r.firstSeen),
  },
];

/** Most severe first, as the findings are sorted. */
const SEVERITIES = ['error', 'warning', 'info'];

/** A filter as a drop-down of `options` ("any" first). */
function Choice(props: {
  label: string;
  value: string;
  options: string[];
  onChange: (value: string) => void;
  minWidth?: number;
}) {
  return (
    <TextField
      select
      id={`checks-filter-${props.label.toLocaleLowerCase('en-US')}`}
      label={props.label}
      value={props.value}
      onChange={(e: ChangeEvent<HTMLInputElement>) =>
        props.onChange(e.target.value)
      }
      variant="outlined"
      size="small"
      style={{ minWidth: props.minWidth ?? 200 }}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      <option value="">any</option>
      {props.options.map(o => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </TextField>
  );
}

/**
 * Every finding of the backend's scheduled integration checks
 * (docs/checks.md), filterable by rule, severity, team, system and first
 * sighting ("new since").
 *
 * @public
 */
export function ChecksPage() {
  const api = useApi(interchangeApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getChecks(),
    [api],
  );
  const [filter, setFilter] = useState<FindingsFilter>(NO_FILTER);
  const set = (key: keyof FindingsFilter) => (v: string) =>
    setFilter(f => ({ ...f, [key]: v }));

  const findings = useMemo(() => value?.findings ?? [], [value]);
  const rows: Row[] = useMemo(
    () =>
      filterFindings(findings, filter).map(f => ({
        ...f,
        id: `${f.rule}|${f.entityRef}|${f.entityRefs.join(',')}`,
      })),
    [findings, filter],
  );

  let status = '';
  if (value?.computedAt) {
    status = `Checked ${formatTime(value.computedAt)}; ${
      value.excused
    } excused by exceptions.`;
  } else if (value) {
    status =
      'The checks have not run yet: the backend runs them shortly after start-up, then every 10 minutes by default.';
  }

  return (
    <ListPage
      title="Integration checks"
      subtitle="Tight coupling, over-engineering and hygiene, found in the catalog"
      contentTitle="Findings"
      support="The backend runs the checks on the whole catalog on a schedule. Each rule, why it matters and how to fix or excuse a finding are in docs/checks.md."
      error={error}
      errorTitle="Could not read the integration checks"
    >
      <>
        <Box display="flex" flexWrap="wrap" style={{ gap: 16 }} mb={2}>
          <Choice
            label="Rule"
            value={filter.rule}
            options={choices(findings, f => [f.rule])}
            onChange={set('rule')}
          />
          <Choice
            label="Severity"
            value={filter.severity}
            options={SEVERITIES}
            onChange={set('severity')}
            minWidth={140}
          />
          <Choice
            label="Team"
            value={filter.team}
            options={choices(findings, f => f.owners)}
            onChange={set('team')}
          />
          <Choice
            label="System"
            value={filter.system}
            options={choices(findings, f => f.systems)}
            onChange={set('system')}
          />
          <TextField
            type="date"
            id="checks-filter-new-since"
            label="New since"
            value={filter.newSince}
            onChange={(e: ChangeEvent<HTMLInputElement>) =>
              set('newSince')(e.target.value)
            }
            variant="outlined"
            size="small"
            InputLabelProps={{ shrink: true }}
          />
        </Box>
        {status ? (
          <Typography variant="body2" color="textSecondary" paragraph>
            {status}
          </Typography>
        ) : null}
        {value && value.skippedRules.length > 0 ? (
          <Typography variant="body2" color="textSecondary" paragraph>
            Not checked:{' '}
            {value.skippedRules.map(s => `${s.rule} (${s.reason})`).join('; ')}
          </Typography>
        ) : null}
        <Table<Row>
          isLoading={loading}
          columns={columns}
          data={rows}
          options={{
            paging: true,
            pageSize: 50,
            search: true,
            padding: 'dense',
          }}
          actions={[
            {
              icon: () => <RefreshIcon aria-label="refresh findings" />,
              tooltip: 'Refresh',
              isFreeAction: true,
              onClick: () => retry(),
            },
          ]}
          title={`${rows.length} findings`}
        />
      </>
    </ListPage>
  );
}
