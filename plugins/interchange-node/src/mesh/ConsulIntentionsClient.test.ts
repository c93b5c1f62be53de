import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  componentMeshIdentities,
  resolveMeshAccess,
} from '@interchange/plugin-interchange-common';
import { ConsulIntentionsClient } from './ConsulIntentionsClient';
import { loadMeshPolicy } from './loadMeshPolicy';

const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');
const recorded = fixture('consul-intentions-list.json');

/** A stand-in Consul agent on 127.0.0.1 answering with recorded bodies. */
async function consul(answer: (req: http.IncomingMessage) => [number, string]) {
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers);
    const [status, body] = answer(req);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise(r => server.close(r)),
  };
}

const mesh = (consulUrl: string) => ({
  id: 'dc1',
  type: 'consul' as const,
  title: 'dc1',
  files: [],
  consulUrl,
  consulToken: 'secret-acl-token',
  defaultPolicy: 'allow' as const,
  windowSeconds: 86400,
  requestTimeoutMs: 2000,
});

describe('ConsulIntentionsClient', () => {
  it('reads /v1/connect/intentions with the token and turns the rows into rules', async () => {
    const agent = await consul(req =>
      req.url === '/v1/connect/intentions' ? [200, recorded] : [404, '{}'],
    );
    try {
      const policy = await loadMeshPolicy(mesh(agent.url));
      expect(agent.seen[0]['x-consul-token']).toBe('secret-acl-token');
      expect(
        policy.rules.map(r => `${r.action} ${r.source} -> ${r.destination}`),
      ).toEqual(['allow web -> api', 'deny * -> *']);
      // The exact allow outranks the wildcard deny (precedence 9 > 5).
      const access = resolveMeshAccess(
        policy,
        ['web', 'api', 'db'].map(name => ({
          ref: `component:default/${name}`,
          identities: componentMeshIdentities(name),
        })),
        policy.defaults,
      );
      expect(
        access.mayCall.map(m => `${m.source} -> ${m.destination}`),
      ).toEqual(['component:default/web -> component:default/api']);
    } finally {
      await agent.close();
    }
  });

  it("reads the sample answer of Consul's API documentation", async () => {
    const agent = await consul(() => [
      200,
      fixture('consul-intentions-docs-sample.json'),
    ]);
    try {
      const { rules } = await new ConsulIntentionsClient(
        mesh(agent.url),
      ).intentions();
      expect(rules).toEqual([
        expect.objectContaining({
          source: 'web',
          destination: 'db',
          action: 'allow',
          precedence: 9,
        }),
      ]);
    } finally {
      await agent.close();
    }
  });

  it('names the mesh and URL on a refusal, never the token', async () => {
    const agent = await consul(() => [403, '"Permission denied"']);
    try {
      const error = await new ConsulIntentionsClient(mesh(agent.url))
        .intentions()
        .catch(e => e as Error);
      expect((error as Error).message).toBe(
        `mesh dc1: GET ${agent.url}/v1/connect/intentions answered 403 Forbidden (the ACL token lacks intentions:read; set consulToken)`,
      );
      expect((error as Error).message).not.toContain('secret-acl-token');
    } finally {
      await agent.close();
    }
  });

  it('refuses an answer that is not a list', async () => {
    const agent = await consul(() => [200, '{"error":"nope"}']);
    try {
      await expect(
        new ConsulIntentionsClient(mesh(agent.url)).intentions(),
      ).rejects.toThrow(/answered object, not a list of intentions/);
    } finally {
      await agent.close();
    }
  });
});
