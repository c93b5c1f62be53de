import { Entity } from '@backstage/catalog-model';
import { getEntity, waitFor } from './catalogQueries';

/**
 * The processing errors the catalog shows on an entity that was processed
 * before: a later failed pass keeps the entity as it was and adds the errors
 * to `status.items`.
 */
export function processingErrorsOf(entity: Entity | undefined): string[] {
  const items: { level?: string; error?: { message?: string } }[] =
    (entity as { status?: { items?: [] } } | undefined)?.status?.items ?? [];
  return items
    .filter(i => i.level === 'error')
    .map(i => String(i.error?.message));
}

/** Waits until the entity shows a processing error matching `pattern`. */
export function waitForProcessingError(
  server: any,
  ref: string,
  pattern: RegExp,
): Promise<Entity> {
  return waitFor(async () => {
    const e = await getEntity(server, ref);
    return processingErrorsOf(e).some(m => pattern.test(m)) ? e : undefined;
  }, `${ref} with a processing error matching ${pattern}`);
}

/** Waits until the entity is processed without errors again. */
export function waitForNoProcessingErrors(
  server: any,
  ref: string,
): Promise<Entity> {
  return waitFor(async () => {
    const e = await getEntity(server, ref);
    return e && !processingErrorsOf(e).length ? e : undefined;
  }, `${ref} without processing errors`);
}

/**
 * Lets the catalog run more processing passes (the tests use a 2 s
 * processing interval), so an assertion after it sees what they left.
 */
export const processingRounds = (n = 2) =>
  new Promise(r => setTimeout(r, n * 2_500));
