import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Box,
  Button,
  FormControlLabel,
  Grid,
  Paper,
  Switch,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert, Autocomplete } from '@material-ui/lab';
import {
  Content,
  Header,
  Page,
  Progress,
  SupportButton,
} from '@backstage/core-components';
import {
  buildMapModel,
  IntegrationGraph,
  filterChoices,
  labelOf,
  MapFilters,
  NO_FILTERS,
  NO_SYSTEM,
} from '@interchange/plugin-interchange-common';
import { useFocus, useMapData } from '../../map/useMapData';
import { describeError, InterchangeErrorPanel } from '../InterchangeErrorPanel';
import { MapCanvas, MapSelection } from './MapCanvas';
import { ImpactPaths, MapDetails } from './MapDetails';
import { MapLegend } from './MapLegend';
import { ALL_STYLES, STYLE_LABELS } from './mapStyles';
import { MAP_MARKS, markMap } from '../../map/marks';

function MultiFilter(props: {
  label: string;
  options: string[];
  value: string[];
  onChange: (value: string[]) => void;
  format?: (option: string) => string;
}) {
  return (
    <Autocomplete
      multiple
      size="small"
      options={props.options}
      value={props.value}
      onChange={(_, v) => props.onChange(v)}
      getOptionLabel={o => props.format?.(o) ?? o}
      renderInput={params => (
        <TextField {...params} variant="outlined" label={props.label} />
      )}
    />
  );
}

function SearchToFocus(props: {
  graph: IntegrationGraph;
  onPick: (ref: string) => void;
}) {
  const options = useMemo(
    () =>
      [...props.graph.nodes.values()]
        .filter(n => n.category !== 'group' && n.category !== 'resource')
        .map(n => n.ref)
        .sort(),
    [props.graph],
  );
  return (
    <Autocomplete
      size="small"
      options={options}
      value={null}
      onChange={(_, v) => v && props.onPick(v)}
      getOptionLabel={o => `${labelOf(props.graph.nodes.get(o), o)} (${o})`}
      renderInput={params => (
        <TextField
          {...params}
          variant="outlined"
          label="Search to focus"
          placeholder="component, topic, webhook, route, API, system"
        />
      )}
    />
  );
}

/**
 * The whole company's integrations on one map: systems as boxes holding
 * their components, edges coloured by style, findings marked, focus on any
 * entity to see what breaks if it changes.
 *
 * @public
 */
export function IntegrationMapPage() {
  // Once per mount: where the app's boot ends and the map's own work starts.
  useState(() => markMap(MAP_MARKS.mounted));
  const [params, setParams] = useSearchParams();
  const { value, loading, error, retry } = useMapData({ warmUpLayout: true });
  const [filters, setFilters] = useState<MapFilters>(NO_FILTERS);
  const [collapse, setCollapse] = useState(false);
  // 'auto': every entity up to MAX_ENTITY_NODES, the company view above.
  const [view, setView] = useState<'auto' | 'systems' | 'entities'>('auto');
  const [selection, setSelection] = useState<MapSelection>();
  const focusRef = params.get('focus') ?? undefined;
  const depth = Math.min(20, Math.max(1, Number(params.get('depth')) || 2));
  const setFocus = (ref: string | undefined, d = depth) => {
    const next = new URLSearchParams(params);
    if (ref) {
      next.set('focus', ref);
      next.set('depth', String(d));
    } else {
      next.delete('focus');
      next.delete('depth');
    }
    setParams(next, { replace: false });
    setSelection(ref ? { type: 'node', id: ref } : undefined);
  };
  const focus = useFocus(value?.graph, focusRef, depth);
  const choices = useMemo(
    () => (value ? filterChoices(value.graph) : undefined),
    [value],
  );
  const model = useMemo(() => {
    if (!value || (focusRef && !focus.value)) return undefined;
    return buildMapModel(value.graph, {
      collapseIntegrations: collapse,
      filters,
      findings: value.findings,
      focus: focusRef ? focus.value?.set : undefined,
      expandAll: view === 'entities',
      systemsView: view === 'systems',
    });
  }, [value, filters, collapse, view, focusRef, focus.value]);

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <InterchangeErrorPanel
        title="Could not read the catalog to draw the map"
        error={error}
        hints={{
          default: 'Check that the catalog backend answers, then reload.',
        }}
      >
        <Button onClick={retry}>Try again</Button>
      </InterchangeErrorPanel>
    );
  } else if (value && !model && focus.loading) {
    body = <Progress />;
  } else if (value && model) {
    const graph = value.graph;
    const name = (r: string) =>
      r === NO_SYSTEM ? 'No system' : labelOf(graph.nodes.get(r), r);
    body = (
      <>
        <Grid container spacing={2} alignItems="center">
          <Grid item xs={12} md={4}>
            <SearchToFocus graph={graph} onPick={r => setFocus(r)} />
          </Grid>
          <Grid item xs={6} md={2}>
            <MultiFilter
              label="Owner"
              options={choices?.owners ?? []}
              value={filters.owners}
              onChange={owners => setFilters({ ...filters, owners })}
              format={name}
            />
          </Grid>
          <Grid item xs={6} md={2}>
            <MultiFilter
              label="System"
              options={choices?.systems ?? []}
              value={filters.systems}
              onChange={systems => setFilters({ ...filters, systems })}
              format={name}
            />
          </Grid>
          <Grid item xs={6} md={2}>
            <MultiFilter
              label="Style"
              options={ALL_STYLES}
              value={filters.styles}
              onChange={styles =>
                setFilters({
                  ...filters,
                  styles: styles as MapFilters['styles'],
                })
              }
              format={s => STYLE_LABELS[s as keyof typeof STYLE_LABELS] ?? s}
            />
          </Grid>
          <Grid item xs={6} md={2}>
            <MultiFilter
              label="Lifecycle"
              options={choices?.lifecycles ?? []}
              value={filters.lifecycles}
              onChange={lifecycles => setFilters({ ...filters, lifecycles })}
            />
          </Grid>
          <Grid item xs={12}>
            <Box
              display="flex"
              alignItems="center"
              flexWrap="wrap"
              style={{ gap: 16 }}
            >
              <FormControlLabel
                control={
                  <Switch
                    checked={collapse}
                    onChange={(_, c) => setCollapse(c)}
                    color="primary"
                    inputProps={{
                      'aria-label': 'Collapse integrations into edges',
                    }}
                  />
                }
                label="Collapse topics, webhooks, routes and APIs into edges"
              />
              {focusRef ? null : (
                <FormControlLabel
                  control={
                    <Switch
                      checked={model.systemsOnly}
                      onChange={(_, c) => setView(c ? 'systems' : 'entities')}
                      color="primary"
                      inputProps={{
                        'aria-label': 'Company view: one node per system',
                      }}
                    />
                  }
                  label="Company view: one node per system"
                />
              )}
              {focusRef ? (
                <>
                  <TextField
                    size="small"
                    type="number"
                    variant="outlined"
                    label="Hops"
                    style={{ width: 90 }}
                    inputProps={{ min: 1, max: 20, 'aria-label': 'Hops' }}
                    value={depth}
                    onChange={e => {
                      const d = Number(e.target.value);
                      if (Number.isInteger(d) && d >= 1 && d <= 20)
                        setFocus(focusRef, d);
                    }}
                  />
                  <Button
                    variant="outlined"
                    onClick={() => setFocus(undefined)}
                  >
                    Show the whole company
                  </Button>
                </>
              ) : null}
              <Box flexGrow={1} />
              <MapLegend />
            </Box>
          </Grid>
        </Grid>
        {value.findingsError ? (
          <Alert
            severity="warning"
            style={{ marginTop: 8 }}
            data-testid="map-findings-notice"
          >
            Findings are not marked: the checks API answered an error (
            {describeError(value.findingsError).reason}).
          </Alert>
        ) : null}
        {focusRef && focus.value ? (
          <Alert severity="info" style={{ marginTop: 8 }}>
            Focus on <strong>{name(focus.value.downstream.entityRef)}</strong>:
            what depends on it and what it depends on, {depth} hop
            {depth === 1 ? '' : 's'} each way ({focus.value.set.size - 1}{' '}
            entities).{' '}
            {focus.value.source === 'browser'
              ? `Computed in the browser from the same graph: the impact API answered an error (${
                  focus.value.apiError
                    ? describeError(focus.value.apiError).reason
                    : ''
                }).`
              : 'From the impact API.'}
            {focus.value.downstream.found
              ? ''
              : ' The entity is not in the catalog.'}
          </Alert>
        ) : null}
        {model.systemsOnly ? (
          <Alert
            severity="info"
            style={{ marginTop: 8 }}
            data-testid="map-systems-only"
            action={
              <Button
                color="inherit"
                size="small"
                onClick={() => setView('entities')}
              >
                Draw every entity
              </Button>
            }
          >
            {model.entityCount.toLocaleString('en-US')} entities: each system is
            drawn as one node. Filter by system or owner, or search to focus, to
            see their components.
          </Alert>
        ) : null}
        <Box mt={1} display="flex" style={{ gap: 8 }}>
          <Paper variant="outlined" style={{ flex: 1, minWidth: 0 }}>
            {model.nodes.length === 0 ? (
              <Box p={4}>
                <Typography color="textSecondary">
                  {graph.nodes.size === 0
                    ? 'The catalog has no components, systems or integrations yet.'
                    : 'Nothing matches these filters.'}
                </Typography>
              </Box>
            ) : (
              <MapCanvas
                model={model}
                selection={selection}
                onSelect={setSelection}
                height="calc(100vh - 330px)"
                miniMap
              />
            )}
          </Paper>
          {selection || (focusRef && focus.value) ? (
            <Paper
              variant="outlined"
              style={{
                width: 360,
                padding: 12,
                maxHeight: 'calc(100vh - 330px)',
                overflow: 'auto',
              }}
            >
              {selection ? (
                <MapDetails
                  selection={selection}
                  model={model}
                  graph={graph}
                  onFocus={r => setFocus(r)}
                  focused={focusRef}
                />
              ) : null}
              {focusRef && focus.value ? (
                <>
                  <ImpactPaths
                    title="What depends on it (may break)"
                    result={focus.value.downstream}
                    graph={graph}
                  />
                  <ImpactPaths
                    title="What it depends on"
                    result={focus.value.upstream}
                    graph={graph}
                  />
                </>
              ) : null}
            </Paper>
          ) : null}
        </Box>
      </>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Integration map"
        subtitle="Every system, component and integration, from the catalog"
      />
      <Content>
        <Box display="flex" justifyContent="flex-end" mb={1}>
          <SupportButton>
            Systems are boxes holding their components; edges are coloured by
            style. Click an entity for its findings and to focus on what depends
            on it.
          </SupportButton>
        </Box>
        {body}
      </Content>
    </Page>
  );
}
