import {
  builtinGatewayFormats,
  GatewayFormatRegistry,
} from '@interchange/plugin-interchange-common';
import { InterchangeConfigFormatsExtensionPoint } from '@interchange/plugin-interchange-node';

/**
 * The format registry of one backend and the extension point that fills
 * it. The built-in formats go in through the same `addFormat` as an
 * adopter's; after `lock()` (when the module starts) no format may be
 * added, so every file of a run is read with the same formats.
 */
export function createConfigFormats(): {
  registry: GatewayFormatRegistry;
  extensionPoint: InterchangeConfigFormatsExtensionPoint;
  lock(): void;
} {
  const registry = new GatewayFormatRegistry();
  let locked = false;
  const extensionPoint: InterchangeConfigFormatsExtensionPoint = {
    addFormat(format) {
      if (locked) {
        throw new Error(
          `gateway configuration format '${format?.id}': added after the Interchange catalog module started; call addFormat in your module's init`,
        );
      }
      registry.add(format);
    },
  };
  builtinGatewayFormats.forEach(f => extensionPoint.addFormat(f));
  return {
    registry,
    extensionPoint,
    lock: () => {
      locked = true;
    },
  };
}
