import { isInterchangeRef, userFacingMessage } from './parseCatalogError';

describe('parseCatalogError', () => {
  it('recognises Interchange entity refs', () => {
    expect(isInterchangeRef('kafkatopic:default/orders')).toBe(true);
    expect(isInterchangeRef('gatewayroute:x/y')).toBe(true);
    expect(isInterchangeRef('webhook:default/z')).toBe(true);
    expect(isInterchangeRef('component:default/z')).toBe(false);
    expect(isInterchangeRef('')).toBe(false);
  });

  it('strips the catalog wrapper around our validator message', () => {
    expect(
      userFacingMessage(
        "Processor InterchangeEntitiesProcessor threw an error while validating the entity kafkatopic:default/a; caused by InputError: KafkaTopic 'a' is invalid:\nspec.partitions: must be at least 1 (got 0). Fix: x",
      ),
    ).toBe(
      "KafkaTopic 'a' is invalid:\nspec.partitions: must be at least 1 (got 0). Fix: x",
    );
    expect(userFacingMessage('  something else ')).toBe('something else');
  });
});
