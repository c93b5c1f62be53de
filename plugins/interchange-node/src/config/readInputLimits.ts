import { Config } from '@backstage/config';
import {
  configureInputLimits,
  InputLimits,
  inputLimits,
} from '@interchange/plugin-interchange-common';

const KEY = 'interchange.inputLimits';

/**
 * `interchange.inputLimits`: the bounds every configuration file is read
 * within (gateway files and bundles, mesh policies, RabbitMQ definitions),
 * and applies them to this process. Only for companies whose real files
 * outgrow the defaults; see docs/security.md.
 *
 * @public
 */
export function readInputLimits(config: Config): InputLimits {
  const c = config.getOptionalConfig(KEY);
  const read = (name: keyof InputLimits) => c?.getOptionalNumber(name);
  configureInputLimits(
    {
      maxFileBytes: read('maxFileBytes'),
      maxDepth: read('maxDepth'),
      maxLineLength: read('maxLineLength'),
      maxExpandedValues: read('maxExpandedValues'),
    },
    KEY,
  );
  return { ...inputLimits() };
}
