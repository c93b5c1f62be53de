import { fireEvent, screen } from '@testing-library/react';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { SecretLinkPage } from './SecretLinkPage';

const ID = 'a'.repeat(43);

/** The browser's view of the backend: answers by path, records calls. */
function backend(answers: Record<string, () => Response>) {
  const calls: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${String(input).replace(
      'http://b/api/interchange',
      '',
    )}`;
    calls.push(key);
    const answer = answers[key];
    if (!answer) {
      throw new Error(`unexpected ${key}`);
    }
    return answer();
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

async function render(fetch: typeof window.fetch) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          discoveryApiRef,
          { getBaseUrl: async () => 'http://b/api/interchange' },
        ],
        [fetchApiRef, { fetch }],
      ]}
    >
      <SecretLinkPage />
    </TestApiProvider>,
    { routeEntries: [`/${ID}`] },
  );
}

describe('SecretLinkPage', () => {
  it('shows the secret only after a click, once, with a copy button and the warning', async () => {
    const api = backend({
      [`GET /secret-links/${ID}`]: () =>
        json(200, {
          id: ID,
          label: 'Signing secret for webhook w',
          createdBy: 'user:default/guest',
          expiresAt: '2030-01-01T00:00:00Z',
        }),
      [`POST /secret-links/${ID}/reveal`]: () =>
        json(200, {
          secret: 'whsec_abc',
          label: 'Signing secret for webhook w',
        }),
    });
    await render(api.fetch);
    expect(
      await screen.findByText('Signing secret for webhook w'),
    ).toBeInTheDocument();
    expect(screen.queryByText('whsec_abc')).not.toBeInTheDocument();
    expect(api.calls).toEqual([`GET /secret-links/${ID}`]);

    fireEvent.click(
      screen.getByRole('button', { name: 'Show the secret once' }),
    );
    expect(await screen.findByLabelText('secret value')).toHaveTextContent(
      'whsec_abc',
    );
    expect(
      screen.getByText('Warning: This secret will not be shown again'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Copy the secret' }),
    ).toBeInTheDocument();
    expect(api.calls).toEqual([
      `GET /secret-links/${ID}`,
      `POST /secret-links/${ID}/reveal`,
    ]);
  });

  it("shows the backend's reason when the link is used up or someone else's", async () => {
    const api = backend({
      [`GET /secret-links/${ID}`]: () =>
        json(404, {
          error: {
            name: 'NotFoundError',
            message: `No secret link ${ID}: it was opened already`,
          },
          response: { statusCode: 404 },
        }),
    });
    await render(api.fetch);
    expect(
      await screen.findByText('Error: This secret link cannot be opened'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(`No secret link ${ID}: it was opened already`),
    ).toBeInTheDocument();
  });
});
