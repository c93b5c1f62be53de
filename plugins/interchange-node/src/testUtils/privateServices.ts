import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './freePort';
import { privateBroker } from './kafka';

const exec = promisify(execFile);

function repoRoot(): string {
  let dir = process.cwd();
  while (!existsSync(path.join(dir, 'scripts/rabbitmq/start.sh'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        'scripts/rabbitmq/start.sh not found above the working directory',
      );
    }
    dir = parent;
  }
  return dir;
}

/**
 * A private Kafka broker (scripts/kafka/start.sh) on free ports with its own
 * data folder, for tests that stop and restart it: the shared test broker
 * serves other suites in parallel. Data survives `stop()`, like a real
 * outage; `remove()` stops it and deletes the folder.
 */
export async function startPrivateKafkaBroker(name: string) {
  const port = await freePort([1]);
  const dir = mkdtempSync(path.join(os.tmpdir(), `interchange-${name}-`));
  const broker = privateBroker(port, dir);
  await broker.start();
  return {
    ...broker,
    port,
    dir,
    /**
     * Kills the broker process (SIGKILL), as a crash or a lost machine
     * would: immediate, unlike `stop()`'s orderly shutdown. Data stays.
     */
    kill: async () => {
      const pid = Number(readFileSync(path.join(dir, 'broker.pid'), 'utf8'));
      process.kill(pid, 'SIGKILL');
      const deadline = Date.now() + 30_000;
      while (isAlive(pid) && Date.now() < deadline) {
        await new Promise(r => setTimeout(r, 100));
      }
    },
    remove: () => broker.stop({ clean: true }),
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A private RabbitMQ node (scripts/rabbitmq/start.sh) with its own AMQP,
 * management, distribution and epmd ports, node name and data folder, for
 * tests that stop and restart it. `managementUrl` is its management API
 * (guest/guest on loopback).
 */
export async function startPrivateRabbitMQNode(name: string) {
  // Distribution listens on the AMQP port + 20000.
  const amqpPort = await freePort([20000]);
  const managementPort = await freePort();
  const prometheusPort = await freePort();
  const epmdPort = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), `interchange-${name}-`));
  const node = `${name.replace(/[^a-zA-Z0-9_-]/g, '-')}-${amqpPort}@localhost`;
  const env = {
    ...process.env,
    INTERCHANGE_RABBITMQ_PORT: String(amqpPort),
    INTERCHANGE_RABBITMQ_MANAGEMENT_PORT: String(managementPort),
    INTERCHANGE_RABBITMQ_PROMETHEUS_PORT: String(prometheusPort),
    INTERCHANGE_RABBITMQ_EPMD_PORT: String(epmdPort),
    INTERCHANGE_RABBITMQ_DIR: dir,
    INTERCHANGE_RABBITMQ_NODE: node,
  };
  const script = (file: string) =>
    path.join(repoRoot(), 'scripts/rabbitmq', file);
  const start = async () => {
    await exec(script('start.sh'), [], { env, timeout: 150_000 });
  };
  const stop = async (options: { clean?: boolean } = {}) => {
    await exec(script('stop.sh'), options.clean ? ['--clean'] : [], {
      env,
      timeout: 90_000,
    });
  };
  await start();
  return {
    managementUrl: `http://127.0.0.1:${managementPort}`,
    prometheusUrl: `http://127.0.0.1:${prometheusPort}`,
    dir,
    start,
    stop,
    remove: () => stop({ clean: true }),
  };
}
