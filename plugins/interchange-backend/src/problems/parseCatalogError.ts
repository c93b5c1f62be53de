import { parseEntityRef } from '@backstage/catalog-model';
import { INTERCHANGE_KINDS } from '@interchange/plugin-interchange-common';

const KINDS = INTERCHANGE_KINDS.map(k => k.toLocaleLowerCase('en-US'));

/** Whether an entity ref names one of the Interchange kinds. */
export function isInterchangeRef(ref: string): boolean {
  try {
    return KINDS.includes(parseEntityRef(ref).kind.toLocaleLowerCase('en-US'));
  } catch {
    return false;
  }
}

/**
 * The part of a catalog processing error a user needs. The catalog wraps our
 * validator's message as "Processor X threw an error while validating the
 * entity Y; caused by InputError: <ours>"; the wrapper only repeats what the
 * page already says.
 */
export function userFacingMessage(message: string): string {
  const cause = message.indexOf('caused by ');
  if (cause < 0) {
    return message.trim();
  }
  return message
    .slice(cause + 'caused by '.length)
    .replace(/^[A-Za-z]*Error: /, '')
    .trim();
}
