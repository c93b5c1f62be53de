import { builtinGatewayFormats } from './builtinFormats';
import {
  GatewayFileParseResult,
  GatewayFormatRegistry,
} from './formatRegistry';
import { GatewayFormat } from './types';

/** Only the built-in formats; private so no caller can add to it for everyone. */
const builtins = new GatewayFormatRegistry([...builtinGatewayFormats]);

/**
 * Which format reads a document, or undefined when none does.
 *
 * @public
 */
export function detectGatewayFormat(
  doc: unknown,
  registry: GatewayFormatRegistry = builtins,
): GatewayFormat | undefined {
  return registry.detect(doc)?.id;
}

/**
 * Every route in a gateway configuration file (YAML or JSON, one or several
 * documents), whatever its format, and everything that was skipped with the
 * reason. Throws only for text that is not YAML/JSON at all, or when a
 * format's parser fails. Reads the built-in formats unless given a registry
 * with more.
 *
 * @public
 */
export function parseGatewayConfig(
  text: string,
  registry: GatewayFormatRegistry = builtins,
): GatewayFileParseResult {
  return registry.parse(text);
}
