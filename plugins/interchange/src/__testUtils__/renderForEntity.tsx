import { ReactElement } from 'react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogApi,
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { ResponseError } from '@backstage/errors';
import { InterchangeApi, interchangeApiRef } from '../api';

/**
 * Renders a card or page in a test app, on `entity`'s page when given, with
 * the Interchange API the test passes (only the methods it needs) and a
 * catalog (by default one holding `entities`).
 */
export async function renderForEntity(
  element: ReactElement,
  options: {
    entity?: Entity;
    interchange?: Partial<InterchangeApi>;
    catalog?: Partial<CatalogApi>;
    entities?: Entity[];
  } = {},
) {
  const catalog =
    options.catalog ?? catalogApiMock({ entities: options.entities ?? [] });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [interchangeApiRef, options.interchange ?? {}],
        [catalogApiRef, catalog],
      ]}
    >
      {options.entity ? (
        <EntityProvider entity={options.entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
    // Entity links need the catalog's entity page to point at.
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** A request that never answers, to see a loading state. */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

/**
 * The error the Interchange client throws for a non-2xx answer: built from a
 * response with Backstage's error body, as the backend sends it.
 */
export async function backendError(
  status: number,
  message: string,
  /** More fields of the body's `error`, e.g. `unreachableSince`. */
  fields: Record<string, unknown> = {},
): Promise<ResponseError> {
  const names: Record<number, string> = {
    400: 'InputError',
    403: 'NotAllowedError',
    404: 'NotFoundError',
    503: 'ServiceUnavailableError',
  };
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: names[status] ?? 'Error', message, ...fields },
        request: { method: 'GET', url: '/api/interchange/x' },
        response: { statusCode: status },
      }),
      {
        status,
        statusText: 'Error',
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}
