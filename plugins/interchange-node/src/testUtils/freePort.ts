import { readFileSync } from 'node:fs';
import net from 'node:net';

/**
 * The kernel's ephemeral port range (what `listen(0)` and every outgoing
 * connection draw from), Linux's default when it cannot be read.
 */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync(
      '/proc/sys/net/ipv4/ip_local_port_range',
      'utf8',
    )
      .trim()
      .split(/\s+/)
      .map(Number);
    if (low > 0 && high >= low) {
      return [low, high];
    }
  } catch {
    // Not Linux: fall through to the default.
  }
  return [32768, 60999];
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free loopback port `p` whose `offsets` (p + offset) are free too: the
 * service scripts derive further ports from the one they are given (Kafka's
 * controller on p+1, RabbitMQ's distribution on p+20000).
 *
 * The port is drawn at random from below the kernel's ephemeral range, not
 * with `listen(0)`: a service is started on it seconds later, and in the
 * meantime any outgoing connection of the parallel test suites may take an
 * ephemeral port as its local end, so the service fails to bind (a private
 * Kafka broker did exactly that in CI).
 */
export async function freePort(offsets: number[] = []): Promise<number> {
  const floor = 10_000;
  const [ephemeralLow, ephemeralHigh] = ephemeralRange();
  const reach = Math.max(0, ...offsets);
  // Below the range when it leaves room, otherwise above it.
  const [low, high] =
    ephemeralLow - reach - floor > 1_000
      ? [floor, ephemeralLow - reach]
      : [ephemeralHigh + 1, 65536 - reach];
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low));
    const all = [port, ...offsets.map(o => port + o)];
    if ((await Promise.all(all.map(isPortFree))).every(Boolean)) {
      return port;
    }
  }
  throw new Error(
    `no free loopback port in ${low}-${high} for a private test service`,
  );
}
