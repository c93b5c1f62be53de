import { makeStyles, Theme, Grid, List, Paper } from '@material-ui/core';
import SyncAltIcon from '@material-ui/icons/SyncAlt';

import { CatalogSearchResultListItem } from '@backstage/plugin-catalog';

import { SearchType } from '@backstage/plugin-search';
import {
  SearchBar,
  SearchFilter,
  SearchResult,
  SearchPagination,
} from '@backstage/plugin-search-react';
import { CatalogIcon, Content, Header, Page } from '@backstage/core-components';
import {
  InterchangeSearchDocument,
  InterchangeSearchResultListItem,
} from './InterchangeSearchResultListItem';

const useStyles = makeStyles((theme: Theme) => ({
  bar: {
    padding: theme.spacing(1, 0),
  },
  filters: {
    padding: theme.spacing(2),
    marginTop: theme.spacing(2),
  },
  filter: {
    '& + &': {
      marginTop: theme.spacing(2.5),
    },
  },
}));

const SearchPage = () => {
  const classes = useStyles();

  return (
    <Page themeId="home">
      <Header title="Search" />
      <Content>
        <Grid container direction="row">
          <Grid item xs={12}>
            <Paper className={classes.bar}>
              <SearchBar />
            </Paper>
          </Grid>
          <Grid item xs={3}>
            <SearchType.Accordion
              name="Result Type"
              types={[
                {
                  value: 'software-catalog',
                  name: 'Software Catalog',
                  icon: <CatalogIcon />,
                },
                {
                  // Interchange's collator: topics, routes, webhooks and
                  // RabbitMQ entities with their paths, groups and events.
                  value: 'interchange',
                  name: 'Integrations',
                  icon: <SyncAltIcon />,
                },
              ]}
            />
            <Paper className={classes.filters}>
              <SearchFilter.Select
                className={classes.filter}
                label="Kind"
                name="kind"
                values={[
                  'Component',
                  'API',
                  'System',
                  'Template',
                  'KafkaTopic',
                  'GatewayRoute',
                  'Webhook',
                  'RabbitMQExchange',
                  'RabbitMQQueue',
                ]}
              />
              <SearchFilter.Checkbox
                className={classes.filter}
                label="Lifecycle"
                name="lifecycle"
                values={['experimental', 'production']}
              />
            </Paper>
          </Grid>
          <Grid item xs={9}>
            <SearchPagination />
            <SearchResult>
              {({ results }) => (
                <List>
                  {results.map(({ type, document, highlight, rank }) =>
                    type === 'interchange' ? (
                      <InterchangeSearchResultListItem
                        key={document.location}
                        result={document as InterchangeSearchDocument}
                        highlight={highlight}
                        rank={rank}
                      />
                    ) : (
                      <CatalogSearchResultListItem
                        key={document.location}
                        icon={<CatalogIcon />}
                        result={document}
                        highlight={highlight}
                        rank={rank}
                      />
                    ),
                  )}
                </List>
              )}
            </SearchResult>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
};

export const searchPage = <SearchPage />;
