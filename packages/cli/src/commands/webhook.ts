import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import {
  SIGNING_SCHEMES,
  signWebhook,
  verifyWebhook,
} from '@interchange/plugin-interchange-common';
import { Out } from '../lib/previewOutput';


export interface WebhookCommonOptions {
  scheme: string;
  secretEnv: string;
  bodyFile: string;
}

export interface WebhookSignOptions extends WebhookCommonOptions {
  id?: string;
  timestamp?: string;
}

export interface WebhookVerifyOptions extends WebhookCommonOptions {
  header?: string[];
  now?: string;
}

class UsageError extends Error {}

type Scheme = (typeof SIGNING_SCHEMES)[number];

function scheme(value: string): Scheme {
  if (!(SIGNING_SCHEMES as readonly string[]).includes(value)) {
    throw new UsageError(
      `--scheme: '${value}' is not a signing scheme; use one of ${SIGNING_SCHEMES.join(
        ', ',
      )}`,
    );
  }
  return value as Scheme;
}

/**
 * The secret comes from an environment variable so it never lands in shell
 * history or a CI log's command line.
 */
function secret(envName: string, env: NodeJS.ProcessEnv): string {
  const value = env[envName];
  if (!value) {
    throw new UsageError(
      `--secret-env: environment variable ${envName} is not set or empty; export the secret in it (the secret is never taken as an argument)`,
    );
  }
  return value;
}

function body(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new UsageError(
      `--body-file: cannot read ${file} (${
        (e as NodeJS.ErrnoException).code ?? (e as Error).message
      })`,
    );
  }
}

function unixSeconds(
  value: string | undefined,
  flag: string,
): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!/^\d+$/.test(value)) {
    throw new UsageError(`${flag}: '${value}' is not a unix time in seconds`);
  }
  return Number(value);
}

function parseHeaders(lines: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw new UsageError(
        `--header: '${line}' is not 'name: value', e.g. --header 'webhook-id: msg_1'`,
      );
    }
    headers[line.slice(0, colon).trim().toLowerCase()] = line
      .slice(colon + 1)
      .trim();
  }
  return headers;
}

async function guard(out: Out, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    out.error(`interchange webhook: ${(e as Error).message}`);
    return e instanceof UsageError ? 2 : 1;
  }
}

/**
 * `interchange webhook sign`: prints the headers a sender would add, one per
 * line as `name: value`.
 */
export function webhookSignCommand(
  options: WebhookSignOptions,
  out: Out = console,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return guard(out, async () => {
    const s = scheme(options.scheme);
    const headers = await signWebhook(
      s,
      s === 'none' ? undefined : secret(options.secretEnv, env),
      {
        id: options.id ?? `msg_${randomUUID().replace(/-/g, '')}`,
        timestamp:
          unixSeconds(options.timestamp, '--timestamp') ??
          Math.floor(Date.now() / 1000),
        body: body(options.bodyFile),
      },
    );
    for (const [name, value] of Object.entries(headers)) {
      out.log(`${name}: ${value}`);
    }
    return 0;
  });
}

/**
 * `interchange webhook verify`: exit 0 when the headers carry a valid
 * signature of the body, 1 with the reason when not.
 */
export function webhookVerifyCommand(
  options: WebhookVerifyOptions,
  out: Out = console,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return guard(out, async () => {
    const s = scheme(options.scheme);
    const result = await verifyWebhook(
      s,
      s === 'none' ? [] : secret(options.secretEnv, env),
      {
        headers: parseHeaders(options.header ?? []),
        body: body(options.bodyFile),
      },
      { now: unixSeconds(options.now, '--now') },
    );
    if (result.valid) {
      out.log(`valid ${s} signature${result.id ? ` (id ${result.id})` : ''}`);
      return 0;
    }
    out.error(`invalid: ${result.reason}`);
    return 1;
  });
}
