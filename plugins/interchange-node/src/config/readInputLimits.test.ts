import { ConfigReader } from '@backstage/config';
import {
  configureInputLimits,
  DEFAULT_INPUT_LIMITS,
  parseGatewayConfig,
} from '@interchange/plugin-interchange-common';
import { readInputLimits } from './readInputLimits';

describe('readInputLimits', () => {
  afterEach(() => configureInputLimits());

  it('keeps the defaults when nothing is configured', () => {
    expect(readInputLimits(new ConfigReader({}))).toEqual(DEFAULT_INPUT_LIMITS);
  });

  it('applies configured limits to every parser in the process', () => {
    const text = `services: ${'['.repeat(70)}${']'.repeat(70)}\n`;
    expect(() => parseGatewayConfig(text)).toThrow(/maxDepth \(64\)/);
    expect(
      readInputLimits(
        new ConfigReader({
          interchange: { inputLimits: { maxDepth: 100, maxFileBytes: 1000 } },
        }),
      ),
    ).toEqual({ ...DEFAULT_INPUT_LIMITS, maxDepth: 100, maxFileBytes: 1000 });
    expect(parseGatewayConfig(text).routes).toEqual([]);
    expect(() => parseGatewayConfig(`# ${'x'.repeat(1000)}`)).toThrow(
      'the file is 1002 bytes; configuration files are read up to 1000 bytes',
    );
  });

  it('refuses a value that is not a whole number of at least 1, naming the key', () => {
    expect(() =>
      readInputLimits(
        new ConfigReader({ interchange: { inputLimits: { maxDepth: 0 } } }),
      ),
    ).toThrow(
      'interchange.inputLimits.maxDepth: must be a whole number of at least 1 (got 0); leave it out for the default 64',
    );
  });
});
