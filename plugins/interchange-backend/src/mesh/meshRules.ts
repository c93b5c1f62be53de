import {
  BUILTIN_CHECK_RULES,
  CheckRule,
} from '@interchange/plugin-interchange-common';

/** The built-in `mesh/*` rules, for the Mesh access answer. */
export const MESH_CHECK_RULES: CheckRule[] = BUILTIN_CHECK_RULES.filter(r =>
  r.id.startsWith('mesh/'),
);
