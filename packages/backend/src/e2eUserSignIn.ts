import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/** The provider id, and its config key under `auth.providers`. */
export const E2E_USER_PROVIDER_ID = 'e2e-user';

const CONFIG_KEY = `auth.providers.${E2E_USER_PROVIDER_ID}`;

/**
 * A second sign-in identity for the end-to-end tests, which need a user
 * other than the guest (e.g. to prove that a one-time secret link is
 * refused to anyone but its creator). It mints a token for the catalog user
 * named in `auth.providers.e2e-user.userEntityRef`, like the guest provider
 * does for the guest.
 *
 * It is off unless that config exists, which only `app-config.e2e.yaml`
 * sets (the auth backend serves no route for a provider without config),
 * and it refuses in production (NODE_ENV=production) even when configured:
 * anyone who can reach it signs in as that user without a password.
 */
export const e2eUserSignInModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'e2e-user-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        if (!config.has(CONFIG_KEY)) {
          return;
        }
        // Read on each sign-in, so a missing value is a clear error naming
        // the key rather than a failed start-up.
        const userEntityRef = () =>
          config.getString(`${CONFIG_KEY}.userEntityRef`);
        providers.registerProvider({
          providerId: E2E_USER_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: createProxyAuthenticator({
              // The user's name and e-mail from the catalog, so the app
              // (Settings, the sidebar) shows who is signed in.
              defaultProfileTransform: async (_result, ctx) => {
                const { entity } = await ctx.findCatalogUser({
                  entityRef: userEntityRef(),
                });
                const profile = (entity.spec?.profile ?? {}) as {
                  displayName?: string;
                  email?: string;
                };
                return {
                  profile: {
                    displayName: profile.displayName,
                    email: profile.email,
                  },
                };
              },
              initialize: () => undefined,
              async authenticate() {
                if (process.env.NODE_ENV === 'production') {
                  throw new NotAllowedError(
                    `${CONFIG_KEY} is for end-to-end tests and is refused in production; remove it from the configuration`,
                  );
                }
                return { result: {} };
              },
            }),
            signInResolver: async (_info, ctx) =>
              // Only a user the catalog knows: its groups come from there.
              ctx.signInWithCatalogUser({ entityRef: userEntityRef() }),
          }),
        });
      },
    });
  },
});
