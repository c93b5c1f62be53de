import type { KafkaSaslConfig } from '../config/readKafkaClusters';

type OAuthConfig = Extract<
  KafkaSaslConfig,
  { mechanism: 'oauthbearer' }
>['oauthbearer'];

/**
 * OAUTHBEARER tokens from a client-credentials token endpoint, cached until
 * shortly before they expire so every new connection does not cost a token
 * request.
 */
export function createOAuthTokenProvider(
  config: OAuthConfig,
): () => Promise<string> {
  let cached: { token: string; expiresAt: number } | undefined;
  return async () => {
    if (cached && cached.expiresAt > Date.now() + 30_000) {
      return cached.token;
    }
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (config.scope) {
      body.set('scope', config.scope);
    }
    const response = await fetch(config.tokenUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(
          `${config.clientId}:${config.clientSecret}`,
        ).toString('base64')}`,
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) {
      // The body may echo the request; only the status is safe to report.
      throw new Error(
        `OAuth token endpoint ${config.tokenUrl} answered ${response.status}`,
      );
    }
    const json = (await response.json()) as {
      access_token?: string;
      expires_in?: number;
    };
    if (!json.access_token) {
      throw new Error(
        `OAuth token endpoint ${config.tokenUrl} returned no access_token`,
      );
    }
    cached = {
      token: json.access_token,
      expiresAt: Date.now() + (json.expires_in ?? 300) * 1000,
    };
    return cached.token;
  };
}
