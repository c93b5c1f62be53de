/**
 * Webhook URLs that are themselves the credential. No-code platforms put
 * their secret in the URL (an IFTTT Maker key in the path, a Zapier catch
 * hook's or Slack incoming webhook's path), so writing the URL into a
 * catalog file publishes the secret to everyone who can browse the portal.
 * A Webhook instead declares the URL with `{secret}` in place of that part
 * and names the secret in `spec.urlSecretRef`; the backend fills it in at
 * send time.
 */

/** What stands for the secret part in `spec.url`. @public */
export const WEBHOOK_URL_SECRET_PLACEHOLDER = '{secret}';

/** A secret part found in a webhook URL, and the form to write instead. @public */
export interface UrlSecretFinding {
  /** e.g. 'an IFTTT Maker URL' */
  what: string;
  /** The URL with `{secret}` in place of the secret part. */
  suggestion: string;
}

interface Shape {
  what: string;
  hosts: RegExp;
  /** Matches the path; group 1 is the prefix kept, group 2 the secret part. */
  path: RegExp;
}

// The secret part of each platform's URL, as its documentation shows it:
// https://maker.ifttt.com/trigger/{event}/with/key/{key},
// https://hooks.zapier.com/hooks/catch/{account}/{hook}/,
// https://hooks.slack.com/services/T.../B.../xxx (and workflow triggers),
// https://discord.com/api/webhooks/{id}/{token}.
const SHAPES: Shape[] = [
  {
    what: 'an IFTTT Maker URL (the key in its path is the credential)',
    hosts: /^maker\.ifttt\.com$/,
    path: /^(\/trigger\/[^/]+(?:\/json)?\/with\/key\/)([^/]+)/,
  },
  {
    what: 'a Zapier catch hook URL (its path is the credential)',
    hosts: /^hooks\.zapier\.com$/,
    path: /^(\/hooks\/catch\/)([^/]+\/[^/]+)/,
  },
  {
    what: 'a Slack incoming webhook URL (its path is the credential)',
    hosts: /^hooks\.slack\.com$/,
    path: /^(\/(?:services|workflows|triggers)\/)([^?#]+?)\/?$/,
  },
  {
    what: 'a Discord webhook URL (its path holds the token)',
    hosts: /^(?:discord|discordapp)\.com$/,
    path: /^(\/api\/webhooks\/[^/]+\/)([^/?#]+)/,
  },
];

// Query parameters that carry a credential: API keys, tokens, Azure's
// `sig` (Logic Apps) and `code` (Functions).
const SECRET_QUERY =
  /^(key|api[-_]?key|apikey|token|access[-_]?token|auth|secret|sig|signature|code|password)$/i;

/**
 * The secret part of a known secret-bearing URL shape, unless it is already
 * written as `{secret}`. The raw string is inspected, since `URL`
 * percent-encodes the braces.
 *
 * @public
 */
export function findSecretInWebhookUrl(
  url: string,
): UrlSecretFinding | undefined {
  const match = /^(https?:\/\/)([^/?#]+)([^?#]*)(\?[^#]*)?/i.exec(url);
  if (!match) {
    return undefined;
  }
  const [, scheme, host, path, query] = match;
  const hostName = host.toLowerCase().replace(/:\d+$/, '');
  for (const shape of SHAPES) {
    if (!shape.hosts.test(hostName)) {
      continue;
    }
    const found = shape.path.exec(path);
    if (found && !found[2].includes(WEBHOOK_URL_SECRET_PLACEHOLDER)) {
      const rest = path.slice(found[0].length);
      return {
        what: shape.what,
        suggestion: `${scheme}${host}${found[1]}${WEBHOOK_URL_SECRET_PLACEHOLDER}${rest}${
          query ?? ''
        }`,
      };
    }
  }
  if (query) {
    const params = query.slice(1).split('&');
    const leaking = params.findIndex(p => {
      const [name, value = ''] = p.split('=');
      return (
        SECRET_QUERY.test(decodeURIComponentSafe(name)) &&
        value !== '' &&
        value !== WEBHOOK_URL_SECRET_PLACEHOLDER
      );
    });
    if (leaking >= 0) {
      const name = params[leaking].split('=')[0];
      const fixed = params.map((p, i) =>
        i === leaking ? `${name}=${WEBHOOK_URL_SECRET_PLACEHOLDER}` : p,
      );
      return {
        what: `a URL with a credential in its query parameter '${name}'`,
        suggestion: `${scheme}${host}${path}?${fixed.join('&')}`,
      };
    }
  }
  return undefined;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The URL to send to: `{secret}` replaced by the secret. The secret may not
 * change where the request goes (its host, port or scheme), so a value
 * with an at sign or a slash that moves the host is refused rather than sent.
 *
 * @public
 */
export function fillWebhookUrl(template: string, secret: string): string {
  const parts = template.split(WEBHOOK_URL_SECRET_PLACEHOLDER);
  if (parts.length !== 2) {
    throw new Error(
      `the URL must contain ${WEBHOOK_URL_SECRET_PLACEHOLDER} exactly once (found ${
        parts.length - 1
      })`,
    );
  }
  if (!secret || /[\s#]/.test(secret)) {
    throw new Error(
      'the URL secret is empty or contains whitespace or #; store only the secret part of the URL',
    );
  }
  const filled = parts.join(secret);
  let before: URL;
  let after: URL;
  try {
    before = new URL(parts.join('x'));
    after = new URL(filled);
  } catch {
    throw new Error('the URL with its secret filled in is not a valid URL');
  }
  if (
    before.protocol !== after.protocol ||
    before.host !== after.host ||
    after.username ||
    after.password
  ) {
    throw new Error(
      'the URL secret changes the host the request goes to; store only the secret part of the URL',
    );
  }
  return filled;
}
