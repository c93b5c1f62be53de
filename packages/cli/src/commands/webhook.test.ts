import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { webhookSignCommand, webhookVerifyCommand } from './webhook';

/** The Standard Webhooks reference libraries' test vector. */
const vector = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: '1614265330',
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interchange-webhook-'));
const bodyFile = path.join(dir, 'body.json');
fs.writeFileSync(bodyFile, vector.body);
const env = { WEBHOOK_SECRET: vector.secret };

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { log: (l: string) => out.push(l), error: (l: string) => err.push(l) },
    out,
    err,
  };
}

describe('interchange webhook sign', () => {
  it('prints the headers, one per line', async () => {
    const c = capture();
    const code = await webhookSignCommand(
      {
        scheme: 'standard-webhooks',
        secretEnv: 'WEBHOOK_SECRET',
        bodyFile,
        id: vector.id,
        timestamp: vector.timestamp,
      },
      c.io,
      env,
    );
    expect(code).toBe(0);
    expect(c.out).toEqual([
      `webhook-id: ${vector.id}`,
      `webhook-timestamp: ${vector.timestamp}`,
      `webhook-signature: ${vector.signature}`,
    ]);
  });

  it('refuses a missing secret variable and an unknown scheme with the fix', async () => {
    const c = capture();
    expect(
      await webhookSignCommand(
        { scheme: 'github', secretEnv: 'NOPE', bodyFile },
        c.io,
        {},
      ),
    ).toBe(2);
    expect(c.err[0]).toBe(
      'interchange webhook: --secret-env: environment variable NOPE is not set or empty; export the secret in it (the secret is never taken as an argument)',
    );
    expect(
      await webhookSignCommand(
        { scheme: 'sha1', secretEnv: 'WEBHOOK_SECRET', bodyFile },
        c.io,
        env,
      ),
    ).toBe(2);
    expect(c.err[1]).toContain("--scheme: 'sha1' is not a signing scheme");
  });
});

describe('interchange webhook verify', () => {
  const headers = [
    `webhook-id: ${vector.id}`,
    `webhook-timestamp: ${vector.timestamp}`,
    `webhook-signature: ${vector.signature}`,
  ];

  it('exits 0 for a valid signature', async () => {
    const c = capture();
    expect(
      await webhookVerifyCommand(
        {
          scheme: 'standard-webhooks',
          secretEnv: 'WEBHOOK_SECRET',
          bodyFile,
          header: headers,
          now: vector.timestamp,
        },
        c.io,
        env,
      ),
    ).toBe(0);
    expect(c.out).toEqual([
      `valid standard-webhooks signature (id ${vector.id})`,
    ]);
  });

  it('exits 1 with the reason for a stale timestamp or a modified body', async () => {
    const c = capture();
    expect(
      await webhookVerifyCommand(
        {
          scheme: 'standard-webhooks',
          secretEnv: 'WEBHOOK_SECRET',
          bodyFile,
          header: headers,
          now: String(Number(vector.timestamp) + 3600),
        },
        c.io,
        env,
      ),
    ).toBe(1);
    expect(c.err[0]).toMatch(
      /^invalid: webhook-timestamp 1614265330 is 3600 s from now/,
    );
    const tampered = path.join(dir, 'tampered.json');
    fs.writeFileSync(tampered, '{"test": 1}');
    expect(
      await webhookVerifyCommand(
        {
          scheme: 'standard-webhooks',
          secretEnv: 'WEBHOOK_SECRET',
          bodyFile: tampered,
          header: headers,
          now: vector.timestamp,
        },
        c.io,
        env,
      ),
    ).toBe(1);
    expect(c.err[1]).toBe(
      'invalid: no signature matches: wrong secret or modified body',
    );
  });

  it('round-trips GitHub signatures made by sign', async () => {
    const c = capture();
    await webhookSignCommand(
      { scheme: 'github', secretEnv: 'WEBHOOK_SECRET', bodyFile, id: 'd-1' },
      c.io,
      env,
    );
    expect(
      await webhookVerifyCommand(
        {
          scheme: 'github',
          secretEnv: 'WEBHOOK_SECRET',
          bodyFile,
          header: c.out,
        },
        c.io,
        env,
      ),
    ).toBe(0);
  });
});
