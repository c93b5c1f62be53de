const ID = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/;

/**
 * Ids of clusters and gateways are what entities refer to: they must be
 * unique and safe in URLs and entity fields.
 */
export function checkId(id: string, key: string, seen: Set<string>) {
  if (!ID.test(id)) {
    throw new Error(
      `${key}: '${id}' is not a valid id; use letters, digits, '.', '_' and '-' (e.g. 'prod-eu')`,
    );
  }
  if (seen.has(id)) {
    throw new Error(`${key}: '${id}' is configured twice; ids must be unique`);
  }
  seen.add(id);
}
