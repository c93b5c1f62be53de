/*
 * The sending side of `yarn bench:webhooks`, run in a worker thread so the
 * load generator does not share an event loop (and a core) with the
 * receiver it measures, as real senders are other machines.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { signWebhook } from '@interchange/plugin-interchange-common';

export type SenderJob = {
  port: number;
  /** The receive path of the webhook to send to. */
  path: string;
  secret: string;
  deliveries: number;
  concurrency: number;
  /** Every Nth delivery repeats an earlier event id (a sender's retry). */
  duplicateEvery: number;
  /** Prefix of the event ids, so rounds do not collide. */
  idPrefix: string;
};

export type SenderResult = {
  seconds: number;
  latencies: number[];
  statuses: Record<number, number>;
  distinctIds: number;
};

async function run(job: SenderJob): Promise<SenderResult> {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: job.concurrency,
  });
  // Signed up front: the benchmark measures the receiver, not the sender.
  const now = Math.floor(Date.now() / 1000);
  const distinct = Math.ceil(job.deliveries * (1 - 1 / job.duplicateEvery));
  const requests = await Promise.all(
    Array.from({ length: job.deliveries }, async (_, i) => {
      const id = `${job.idPrefix}_${i % distinct}`;
      const body = JSON.stringify({
        type: 'order.shipped',
        timestamp: new Date().toISOString(),
        data: { i },
      });
      return {
        id,
        body,
        headers: await signWebhook('standard-webhooks', job.secret, {
          id,
          timestamp: now,
          body,
        }),
      };
    }),
  );
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const send = (r: (typeof requests)[number]) =>
    new Promise<void>((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        {
          host: '127.0.0.1',
          port: job.port,
          path: job.path,
          method: 'POST',
          agent,
          headers: {
            ...r.headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(r.body),
          },
        },
        res => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - started);
            statuses[res.statusCode!] = (statuses[res.statusCode!] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(r.body);
    });
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (next < requests.length) {
        await send(requests[next++]);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    seconds,
    latencies,
    statuses,
    distinctIds: new Set(requests.map(r => r.id)).size,
  };
}

if (parentPort && workerData?.job) {
  run(workerData.job as SenderJob).then(
    result => parentPort!.postMessage({ result }),
    error => parentPort!.postMessage({ error: String(error?.stack ?? error) }),
  );
}
