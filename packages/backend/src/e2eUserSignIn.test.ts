import { AddressInfo } from 'node:net';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { e2eUserSignInModule } from './e2eUserSignIn';

jest.setTimeout(60_000);

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'sofia.rossi', namespace: 'default' },
    spec: {
      profile: {
        displayName: 'Sofia Rossi',
        email: 'sofia.rossi@brightwave.example',
      },
      memberOf: ['team-platform'],
    },
    relations: [{ type: 'memberOf', targetRef: 'group:default/team-platform' }],
  },
];

/** A backend with the auth plugin, this module and these auth.providers. */
async function start(providers: { [id: string]: { [key: string]: string } }) {
  return startTestBackend({
    features: [
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { baseUrl: 'http://localhost:7007' },
          auth: { providers },
        },
      }),
      catalogServiceMock.factory({ entities }),
      authPlugin,
      e2eUserSignInModule,
    ],
  });
}

/** GET /api/auth/e2e-user/refresh, as the app's sign-in page calls it. */
async function refresh(server: { address(): unknown }) {
  const { port } = server.address() as AddressInfo;
  const response = await fetch(
    `http://localhost:${port}/api/auth/e2e-user/refresh`,
    { headers: { 'x-requested-with': 'XMLHttpRequest' } },
  );
  return { status: response.status, body: await response.json() };
}

/** The payload of a Backstage token (not verified: the test only reads it). */
function claims(token: string) {
  return JSON.parse(
    Buffer.from(token.split('.')[1], 'base64url').toString('utf8'),
  );
}

describe('e2e-user sign-in', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('signs in as the configured catalog user, with its groups', async () => {
    const backend = await start({
      'e2e-user': { userEntityRef: 'user:default/sofia.rossi' },
    });
    try {
      const res = await refresh(backend.server);
      expect(res.status).toBe(200);
      expect(res.body.backstageIdentity.identity).toEqual({
        type: 'user',
        userEntityRef: 'user:default/sofia.rossi',
        ownershipEntityRefs: expect.arrayContaining([
          'user:default/sofia.rossi',
          'group:default/team-platform',
        ]),
      });
      expect(res.body.profile).toEqual({
        displayName: 'Sofia Rossi',
        email: 'sofia.rossi@brightwave.example',
      });
      expect(claims(res.body.backstageIdentity.token).sub).toBe(
        'user:default/sofia.rossi',
      );
    } finally {
      await backend.stop();
    }
  });

  it('is not there without its config (the demo and production configs)', async () => {
    const backend = await start({});
    try {
      const res = await refresh(backend.server);
      expect(res.status).toBe(404);
      expect(res.body.backstageIdentity).toBeUndefined();
    } finally {
      await backend.stop();
    }
  });

  it('refuses in production even when configured', async () => {
    const backend = await start({
      'e2e-user': { userEntityRef: 'user:default/sofia.rossi' },
    });
    try {
      process.env.NODE_ENV = 'production';
      const res = await refresh(backend.server);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain(
        'auth.providers.e2e-user is for end-to-end tests and is refused in production',
      );
      expect(res.body.backstageIdentity).toBeUndefined();
    } finally {
      await backend.stop();
    }
  });

  it('names the key when the user is not configured', async () => {
    const backend = await start({ 'e2e-user': {} });
    try {
      const res = await refresh(backend.server);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(res.body)).toContain(
        'auth.providers.e2e-user.userEntityRef',
      );
    } finally {
      await backend.stop();
    }
  });
});
