import {
  Box,
  Chip,
  Divider,
  ListItem,
  ListItemText,
  makeStyles,
} from '@material-ui/core';
import { Link } from '@backstage/core-components';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';

/** The fields the Interchange collator indexes (search type `interchange`). */
export interface InterchangeSearchDocument {
  title: string;
  text: string;
  location: string;
  kind?: string;
  owner?: string;
  system?: string;
  cluster?: string;
  topicName?: string;
  producers?: string;
  consumers?: string;
  consumerGroups?: string;
  gateway?: string;
  paths?: string;
  events?: string;
  url?: string;
}

/** Label and document key of each field, in the order shown. */
const FIELDS: Array<[string, keyof InterchangeSearchDocument]> = [
  ['Cluster', 'cluster'],
  ['Topic', 'topicName'],
  ['Gateway', 'gateway'],
  ['Paths', 'paths'],
  ['Events', 'events'],
  ['URL', 'url'],
  ['Producers', 'producers'],
  ['Consumers', 'consumers'],
  ['Consumer groups', 'consumerGroups'],
  ['System', 'system'],
];

const useStyles = makeStyles(theme => ({
  item: { display: 'block' },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(1.5),
    rowGap: theme.spacing(0.25),
    marginTop: theme.spacing(1),
    fontSize: theme.typography.body2.fontSize,
  },
  label: { color: theme.palette.text.secondary },
  chips: { marginTop: theme.spacing(1) },
}));

/**
 * One KafkaTopic, GatewayRoute, Webhook or RabbitMQ result: its kind and
 * owner, and the fields that answer "which route serves /api/orders?" or
 * "which topic does notify-shipments read?" without opening the entity.
 */
export function InterchangeSearchResultListItem(props: {
  result: InterchangeSearchDocument;
  highlight?: {
    fields: Partial<Record<string, string>>;
    preTag: string;
    postTag: string;
  };
  rank?: number;
}) {
  const { result, highlight } = props;
  const classes = useStyles();
  const fields = FIELDS.filter(([, key]) => !!result[key]);
  return (
    <>
      <ListItem
        alignItems="flex-start"
        className={classes.item}
        aria-label={`${result.kind ?? 'integration'} ${result.title}`}
      >
        <ListItemText
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={result.location}>
              {highlight?.fields.title ? (
                <HighlightedSearchResultText
                  text={highlight.fields.title}
                  preTag={highlight.preTag}
                  postTag={highlight.postTag}
                />
              ) : (
                result.title
              )}
            </Link>
          }
        />
        {fields.length > 0 && (
          <Box className={classes.fields}>
            {fields.map(([label, key]) => (
              <Box key={key} display="contents">
                <span className={classes.label}>{label}</span>
                <span aria-label={label}>{result[key]}</span>
              </Box>
            ))}
          </Box>
        )}
        <Box className={classes.chips}>
          {result.kind && <Chip label={`Kind: ${result.kind}`} size="small" />}
          {result.owner && (
            <Chip label={`Owner: ${result.owner}`} size="small" />
          )}
        </Box>
      </ListItem>
      <Divider component="li" />
    </>
  );
}
