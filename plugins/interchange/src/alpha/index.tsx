/**
 * Interchange for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
import {
  ApiBlueprint,
  createFrontendPlugin,
  ExtensionDefinition,
  FrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  compatWrapper,
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';
import { Grid } from '@material-ui/core';
import SyncAltIcon from '@material-ui/icons/SyncAlt';
import { interchangeApiFactory } from '../apiFactory';
import {
  InterchangeCardDefinition,
  interchangeCards,
  InterchangeEntityContentDefinition,
  interchangeEntityContents,
  InterchangePageDefinition,
  interchangePages,
  interchangeSecretLinkPage,
} from '../extensions';
import { kafkaTopicNameField } from '../scaffolderField';
import { interchangeRouteRefs } from '../routes';

// Route refs are converted in place, so the pages below and the plugin's
// `routes` share one ref each, and legacy `useRouteRef` calls still resolve.
const routes = convertLegacyRouteRefs(interchangeRouteRefs);

function pageExtension(page: InterchangePageDefinition): ExtensionDefinition {
  const Icon = page.icon;
  return PageBlueprint.make({
    name: page.name,
    params: {
      path: page.path,
      title: page.title,
      icon: <Icon />,
      routeRef: convertLegacyRouteRef(page.routeRef),
      // The pages draw their own Backstage header.
      noHeader: true,
      loader: () => page.load().then(Page => compatWrapper(<Page />)),
    },
  });
}

/** The one-time secret link page: no title or icon, so no sidebar item. */
const secretLinkPage: ExtensionDefinition = PageBlueprint.make({
  name: interchangeSecretLinkPage.name,
  params: {
    path: interchangeSecretLinkPage.path,
    routeRef: convertLegacyRouteRef(interchangeSecretLinkPage.routeRef),
    noHeader: true,
    loader: () =>
      interchangeSecretLinkPage.load().then(Page => compatWrapper(<Page />)),
  },
});

function cardExtension(card: InterchangeCardDefinition): ExtensionDefinition {
  return EntityCardBlueprint.make({
    name: card.name,
    disabled: card.disabledByDefault,
    params: {
      type: card.type,
      filter: card.filter,
      loader: () => card.load().then(Card => compatWrapper(<Card />)),
    },
  });
}

const cardsByName = new Map<string, InterchangeCardDefinition>(
  Object.values(interchangeCards).map(c => [c.name, c]),
);

function contentExtension(
  content: InterchangeEntityContentDefinition,
): ExtensionDefinition {
  return EntityContentBlueprint.make({
    name: content.name,
    params: {
      path: content.path,
      title: content.title,
      filter: content.filter,
      loader: async () => {
        const loaded = new Map(
          await Promise.all(
            [...cardsByName.values()].map(
              async c => [c.name, await c.load()] as const,
            ),
          ),
        );
        function Content() {
          const { entity } = useEntity();
          return (
            <Grid container spacing={3}>
              {content.cards(entity).map(name => {
                const Card = loaded.get(name);
                return Card ? (
                  <Grid item xs={12} key={name}>
                    <Card />
                  </Grid>
                ) : null;
              })}
            </Grid>
          );
        }
        return compatWrapper(<Content />);
      },
    },
  });
}

/** The Interchange client. @alpha */
const interchangeApi: ExtensionDefinition = ApiBlueprint.make({
  params: define => define(interchangeApiFactory),
});

/**
 * The KafkaTopicNamePicker field of the scaffolder's template forms.
 *
 * @alpha
 */
export const kafkaTopicNameFormField: ExtensionDefinition =
  FormFieldBlueprint.make({
    name: 'kafka-topic-name',
    params: {
      field: async () => createFormField(kafkaTopicNameField),
    },
  });

/**
 * Every extension of the plugin: the API, the pages, the entity cards, the
 * entity page tabs and the scaffolder field, all from `../extensions`.
 *
 * @alpha
 */
export const interchangeExtensions: ExtensionDefinition[] = [
  interchangeApi,
  ...Object.values(interchangePages).map(pageExtension),
  secretLinkPage,
  ...Object.values(interchangeCards).map(cardExtension),
  ...interchangeEntityContents.map(contentExtension),
  kafkaTopicNameFormField,
];

/**
 * The Interchange frontend plugin for the new frontend system.
 *
 * @alpha
 */
const interchangePlugin: FrontendPlugin = createFrontendPlugin({
  pluginId: 'interchange',
  title: 'Interchange',
  icon: <SyncAltIcon />,
  info: { packageJson: () => import('../../package.json') },
  extensions: interchangeExtensions,
  routes,
});

export default interchangePlugin;
