import { kongFormat } from '@interchange/plugin-interchange-common';
import { createConfigFormats } from './configFormats';

describe('createConfigFormats', () => {
  it('holds the built-in formats, takes more until locked, then refuses', () => {
    const formats = createConfigFormats();
    expect(formats.registry.list().map(f => f.id)).toEqual([
      'kong',
      'gateway-api',
      'istio',
      'aws-api-gateway',
      'apigee',
    ]);
    formats.extensionPoint.addFormat({
      ...kongFormat,
      id: 'kong-like',
      title: 'Kong-like',
    });
    expect(formats.registry.get('kong-like')).toBeDefined();
    expect(() => formats.extensionPoint.addFormat(kongFormat)).toThrow(
      "gateway configuration format 'kong' is already registered",
    );
    formats.lock();
    expect(() =>
      formats.extensionPoint.addFormat({ ...kongFormat, id: 'late' }),
    ).toThrow(
      "gateway configuration format 'late': added after the Interchange catalog module started; call addFormat in your module's init",
    );
  });
});
