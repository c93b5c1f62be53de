import { CheckRule, RuleFinding } from '../types';

const isOwnerKind = (ref: string) =>
  ref.startsWith('group:') || ref.startsWith('user:');

/** `hygiene/unowned`: an integration whose owner is not in the catalog. */
export const unownedRule: CheckRule = {
  id: 'hygiene/unowned',
  defaultSeverity: 'error',
  description: 'An integration whose owner is not an entity in the catalog.',
  explanation:
    'An owner that does not exist (a renamed team, a typo, a person who left) means nobody is paged when the topic, route or webhook breaks, and nobody approves changes to it.',
  fix: 'Set spec.owner to an existing Group (or User), e.g. group:default/team-payments.',
  skipReason(graph) {
    // Checking one repository's files offline: its teams live elsewhere.
    for (const ref of graph.known) {
      if (isOwnerKind(ref)) {
        return undefined;
      }
    }
    return 'no Group or User entities in the input, so owners cannot be checked (include the org files)';
  },
  run(graph) {
    const findings: RuleFinding[] = [];
    for (const node of graph.nodes.values()) {
      if (node.category !== 'integration') {
        continue;
      }
      if (node.owner && graph.known.has(node.owner)) {
        continue;
      }
      findings.push({
        entityRef: node.ref,
        entityRefs: [node.ref],
        message: node.owner
          ? `${node.ref} is owned by ${node.owner}, which is not in the catalog`
          : `${node.ref} has no owner`,
        details: { owner: node.owner ?? null },
      });
    }
    return findings;
  },
};
