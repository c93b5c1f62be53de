import request from 'supertest';
import { Knex } from 'knex';
import { JsonObject } from '@backstage/types';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { interchangePlugin } from '../plugin';
import { createTestDatabases } from '../__testUtils__/createTestDatabases';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const ANN = 'user:default/ann';
const BOB = 'user:default/bob';
const SECRET = 'whsec_c2VjcmV0LWxpbmstdGVzdC1zZWNyZXQtdmFsdWU=';
const KEY = Buffer.alloc(32, 42).toString('base64');

async function start(knex: Knex, secrets: JsonObject) {
  return startTestBackend({
    features: [
      interchangePlugin,
      eventsServiceFactory,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          interchange: {
            kafka: { lagSampling: { enabled: false } },
            secrets,
          },
        },
      }),
    ],
  });
}

describe.each(databases.eachSupportedId())(
  'one-time secret links on %s',
  databaseId => {
    let knex: Knex;
    let backend: Awaited<ReturnType<typeof start>>;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      backend = await start(knex, { encryptionKey: KEY });
    });
    afterAll(() => backend?.stop());

    const create = (
      user: string,
      body: object = { secret: SECRET, label: 'Signing secret for webhook w' },
    ) =>
      request(backend.server)
        .post('/api/interchange/secret-links')
        .set('Authorization', mockCredentials.user.header(user))
        .send(body);

    it('opens once, for its creator only, and then the row is gone', async () => {
      const created = await create(ANN).expect(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        label: 'Signing secret for webhook w',
        createdBy: ANN,
        expiresAt: expect.any(String),
      });
      const hours =
        (Date.parse(created.body.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(23.9);
      expect(hours).toBeLessThanOrEqual(24);
      const id = created.body.id;
      expect(created.text).not.toContain(SECRET);

      // Stored encrypted: the secret is nowhere in the row.
      const rows = await knex('interchange_secret_links').where({ id });
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(SECRET);
      expect(JSON.stringify(rows)).not.toContain(SECRET.slice(6));

      // Another user: refused, and the link still works for its creator.
      const refused = await request(backend.server)
        .post(`/api/interchange/secret-links/${id}/reveal`)
        .set('Authorization', mockCredentials.user.header(BOB))
        .expect(403);
      expect(refused.body.error.message).toBe(
        `This secret link was created by ${ANN}; only that user can open it`,
      );
      await request(backend.server)
        .get(`/api/interchange/secret-links/${id}`)
        .set('Authorization', mockCredentials.user.header(BOB))
        .expect(403);
      // A service is no user: refused too.
      await request(backend.server)
        .post(`/api/interchange/secret-links/${id}/reveal`)
        .set('Authorization', mockCredentials.service.header())
        .expect(403);

      const described = await request(backend.server)
        .get(`/api/interchange/secret-links/${id}`)
        .set('Authorization', mockCredentials.user.header(ANN))
        .expect(200);
      expect(described.text).not.toContain(SECRET);

      const revealed = await request(backend.server)
        .post(`/api/interchange/secret-links/${id}/reveal`)
        .set('Authorization', mockCredentials.user.header(ANN))
        .expect(200);
      expect(revealed.body).toEqual({
        secret: SECRET,
        label: 'Signing secret for webhook w',
      });
      expect(revealed.headers['cache-control']).toBe('no-store');
      expect(await knex('interchange_secret_links').where({ id })).toEqual([]);

      const again = await request(backend.server)
        .post(`/api/interchange/secret-links/${id}/reveal`)
        .set('Authorization', mockCredentials.user.header(ANN))
        .expect(404);
      expect(again.body.error.message).toBe(
        `No secret link ${id}: it was opened already (a link opens once), has expired, or never existed; generate a new secret`,
      );
    });

    it('is gone once expired, and deleted', async () => {
      const { body } = await create(ANN).expect(201);
      await knex('interchange_secret_links')
        .where({ id: body.id })
        .update({ expires_at: new Date(Date.now() - 1000) });
      await request(backend.server)
        .post(`/api/interchange/secret-links/${body.id}/reveal`)
        .set('Authorization', mockCredentials.user.header(ANN))
        .expect(404);
      expect(
        await knex('interchange_secret_links').where({ id: body.id }),
      ).toEqual([]);
    });

    it('answers 400 naming the field for bad input and malformed ids', async () => {
      const bad = await create(ANN, { label: 'x' }).expect(400);
      expect(bad.body.error.message).toContain('secret');
      await create(ANN, { secret: SECRET, label: 'x', extra: 1 }).expect(400);
      const badId = await request(backend.server)
        .post('/api/interchange/secret-links/not-an-id/reveal')
        .set('Authorization', mockCredentials.user.header(ANN))
        .expect(400);
      expect(badId.body.error.message).toContain('id');
    });

    it('a link sealed under another key cannot be opened (key rotated), with a clear answer', async () => {
      const { body } = await create(ANN).expect(201);
      const other = await start(knex, {
        encryptionKey: Buffer.alloc(32, 1).toString('base64'),
      });
      try {
        const res = await request(other.server)
          .post(`/api/interchange/secret-links/${body.id}/reveal`)
          .set('Authorization', mockCredentials.user.header(ANN))
          .expect(404);
        expect(res.body.error.message).toContain('sealed with another key');
      } finally {
        await other.stop();
      }
    });
  },
);

describe('secret links without a key in production', () => {
  const env = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = env;
  });

  it('are off: 503 naming the key and the fix', async () => {
    process.env.NODE_ENV = 'production';
    const knex = await databases.init('SQLITE_3');
    const backend = await start(knex, {});
    try {
      const res = await request(backend.server)
        .post('/api/interchange/secret-links')
        .set('Authorization', mockCredentials.user.header(ANN))
        .send({ secret: SECRET, label: 'x' })
        .expect(503);
      expect(res.body.error.message).toBe(
        'one-time secret links are off: interchange.secrets.encryptionKey is not set. Fix: set it to 32 random bytes in base64 (openssl rand -base64 32) from your secret store',
      );
    } finally {
      await backend.stop();
    }
  });
});
