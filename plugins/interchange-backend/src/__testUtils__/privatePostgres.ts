import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { freePort } from '@interchange/plugin-interchange-node/testUtils';

const run = promisify(execFile);

const repoRoot = path.resolve(
  resolvePackagePath('@interchange/plugin-interchange-backend'),
  '../..',
);

/** Debian's PostgreSQL server binaries, newest version first; undefined when not installed. */
export function postgresBinDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) {
    return undefined;
  }
  const dirs = fs
    .readdirSync(base)
    .filter(v => fs.existsSync(path.join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return dirs.length ? path.join(base, dirs[0], 'bin') : undefined;
}

/**
 * Whether fault tests that need their own PostgreSQL can run here. With
 * INTERCHANGE_REQUIRE_POSTGRES set (the test command) missing binaries fail
 * the run instead.
 */
export function privatePostgresAvailable(): boolean {
  if (postgresBinDir()) {
    return true;
  }
  if (process.env.INTERCHANGE_REQUIRE_POSTGRES) {
    throw new Error(
      "INTERCHANGE_REQUIRE_POSTGRES is set but no PostgreSQL server binaries are in /usr/lib/postgresql: install Debian's postgresql package",
    );
  }
  return false;
}

/**
 * A PostgreSQL server of the test's own, on a free port with its own data
 * directory (the repo's scripts/postgres/start.sh), so the test can stop
 * and restart it without touching the cluster other suites share.
 */
export class PrivatePostgres {
  private constructor(
    readonly url: string,
    private readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const port = await freePort();
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'interchange-pg-'));
    // The script creates and hands the data directory to the postgres user.
    fs.chmodSync(parent, 0o755);
    const dir = path.join(parent, 'data');
    const pg = new PrivatePostgres('', port, dir);
    const url = await pg.#startServer();
    return new PrivatePostgres(url, port, dir);
  }

  async #startServer(): Promise<string> {
    const { stdout } = await run(
      path.join(repoRoot, 'scripts/postgres/start.sh'),
      [],
      {
        env: {
          ...process.env,
          INTERCHANGE_PG_PORT: String(this.port),
          INTERCHANGE_PG_DIR: this.dir,
        },
      },
    );
    return stdout.trim().split('\n').pop()!;
  }

  async #pgCtl(args: string[]) {
    const pgCtl = path.join(postgresBinDir()!, 'pg_ctl');
    const command = process.getuid?.() === 0 ? 'runuser' : pgCtl;
    const argv =
      process.getuid?.() === 0
        ? ['-u', 'postgres', '--', pgCtl, '-D', this.dir, ...args]
        : ['-D', this.dir, ...args];
    await run(command, argv);
  }

  /**
   * Stops the server the hard way (`immediate`: no checkpoint, clients cut
   * off mid-transaction), as a crash or a failover would.
   */
  async kill(): Promise<void> {
    await this.#pgCtl(['-m', 'immediate', '-w', 'stop']);
  }

  /** Starts the stopped server again on the same port and data. */
  async resume(): Promise<void> {
    await this.#startServer();
  }

  /** Stops the server and deletes its data. */
  async destroy(): Promise<void> {
    try {
      await this.#pgCtl(['-m', 'fast', '-w', 'stop']);
    } catch {
      // Already stopped.
    }
    fs.rmSync(path.dirname(this.dir), { recursive: true, force: true });
  }
}
