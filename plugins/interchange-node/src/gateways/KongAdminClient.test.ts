import { startKongAdminStub } from '../testUtils/kongAdmin';
import { KongAdminClient } from './KongAdminClient';

const gateway = (adminUrl: string, extra = {}) => ({
  id: 'kong-public',
  adminUrl,
  requestTimeoutMs: 2000,
  ...extra,
});

describe('KongAdminClient against recorded Admin API responses', () => {
  it('reads services, every page of routes, and plugins, with the token', async () => {
    const kong = await startKongAdminStub({ token: 'admin-token' });
    try {
      const snapshot = await new KongAdminClient(
        gateway(kong.url, { token: 'admin-token' }),
      ).snapshot();
      expect(snapshot.services.map(s => s.name)).toEqual(['orders', 'catalog']);
      expect(snapshot.routes.map(r => r.name)).toEqual([
        'orders-public',
        'catalog-search',
      ]);
      expect(snapshot.plugins).toHaveLength(3);
      expect(kong.requests.sort()).toEqual([
        '/plugins?size=1000',
        '/routes?offset=ICAgICAgICAgIDE%3D&size=1',
        '/routes?size=1000',
        '/services?size=1000',
      ]);
    } finally {
      await kong.close();
    }
  });

  it('reads a workspace under its path', async () => {
    const kong = await startKongAdminStub();
    try {
      await new KongAdminClient(
        gateway(kong.url, { workspace: 'payments' }),
      ).snapshot();
      expect(kong.requests).toContain('/payments/services?size=1000');
    } finally {
      await kong.close();
    }
  });

  it('fails the whole read when a page fails, and on a wrong token', async () => {
    const kong = await startKongAdminStub({
      failSecondRoutesPage: true,
      token: 't',
    });
    try {
      await expect(
        new KongAdminClient(gateway(kong.url, { token: 't' })).snapshot(),
      ).rejects.toThrow(/500/);
      await expect(
        new KongAdminClient(gateway(kong.url, { token: 'wrong' })).snapshot(),
      ).rejects.toThrow(/401/);
    } finally {
      await kong.close();
    }
  });
});
