import {
  GatewayDocumentError,
  GatewayFileParseResult,
  GatewayFormatRegistry,
} from '@interchange/plugin-interchange-common';
import { ConfigFile } from './readConfigFile';

/**
 * A configuration file's routes through the format registry. Throws with
 * the file's name: `<file> is not valid YAML or JSON: ...` when the text is
 * not, `<file>: document N (format): ...` when a format's parser fails.
 */
export function parseConfigFile(
  file: Pick<ConfigFile, 'name' | 'text' | 'bundle'>,
  registry: GatewayFormatRegistry,
): GatewayFileParseResult {
  if (file.bundle) {
    try {
      return registry.parseBundle(file.bundle);
    } catch (e) {
      throw new Error(`${file.name}: ${(e as Error)?.message ?? String(e)}`);
    }
  }
  try {
    return registry.parse(file.text);
  } catch (e) {
    const error = e as Error;
    if (error instanceof GatewayDocumentError && error.format) {
      throw new Error(`${file.name}: ${error.message}`);
    }
    throw new Error(
      `${file.name} is not valid YAML or JSON: ${error?.message ?? String(e)}`,
    );
  }
}

/** Why a file listed as configuration gives nothing: no document of a known format. */
export function noKnownFormatMessage(
  name: string,
  registry: GatewayFormatRegistry,
): string {
  return `${name} holds no gateway configuration Interchange reads (${registry.describe()})`;
}
