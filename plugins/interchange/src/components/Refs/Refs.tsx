import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';

/**
 * Links to entity refs as written in a spec, resolved like the catalog does
 * (bare names get the field's default kind and the entity's namespace).
 */
export function Refs(props: {
  refs: Array<string | undefined> | string | undefined;
  defaultKind: string;
  namespace?: string;
}) {
  const list = (Array.isArray(props.refs) ? props.refs : [props.refs]).filter(
    (r): r is string => typeof r === 'string' && r.length > 0,
  );
  if (list.length === 0) {
    return null;
  }
  const refs = list.flatMap(r => {
    try {
      return [
        parseEntityRef(r, {
          defaultKind: props.defaultKind,
          defaultNamespace: props.namespace ?? 'default',
        }),
      ];
    } catch {
      return [];
    }
  });
  return <EntityRefLinks entityRefs={refs} defaultKind={props.defaultKind} />;
}
