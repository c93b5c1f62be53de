import path from 'node:path';
import {
  CheckFinding,
  CheckRule,
  CheckSeverity,
} from '@interchange/plugin-interchange-common';

/** A finding placed in a file, as `interchange check` prints it. */
export interface LocatedFinding extends Omit<CheckFinding, 'details'> {
  file: string | null;
  line: number | null;
}

const LEVELS: Record<CheckSeverity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** A path relative to `root` with forward slashes, as code scanning expects. */
function artifactUri(file: string, root: string): string {
  const relative = path.relative(root, path.resolve(file));
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}

/**
 * SARIF 2.1.0 log of the findings: every rule in tool.driver.rules (so code
 * scanning can show its help), one result per finding at the file and line
 * that declares the entity, and the skipped rules as notifications.
 */
export function toSarif(options: {
  findings: LocatedFinding[];
  rules: readonly CheckRule[];
  skippedRules: Array<{ rule: string; reason: string }>;
  version: string;
  root: string;
}): object {
  const ruleIndex = new Map(options.rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'interchange',
            fullName: 'Interchange integration checks',
            version: options.version,
            rules: options.rules.map(r => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.description },
              fullDescription: { text: r.explanation },
              help: { text: `${r.explanation}\n\nFix: ${r.fix}` },
              defaultConfiguration: { level: LEVELS[r.defaultSeverity] },
              properties: { tags: [r.id.split('/')[0]] },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: options.skippedRules.map(s => ({
              level: 'note',
              message: { text: `${s.rule} skipped: ${s.reason}` },
              descriptor: { id: s.rule },
            })),
          },
        ],
        results: options.findings.map(f => ({
          ruleId: f.rule,
          ...(ruleIndex.has(f.rule)
            ? { ruleIndex: ruleIndex.get(f.rule) }
            : {}),
          level: LEVELS[f.severity],
          message: { text: `${f.message}. Fix: ${f.fix}` },
          ...(f.file
            ? {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: {
                        uri: artifactUri(f.file, options.root),
                      },
                      region: { startLine: Math.max(1, f.line ?? 1) },
                    },
                  },
                ],
              }
            : {}),
          partialFingerprints: {
            'interchangeFinding/v1': `${f.rule}|${[...f.entityRefs]
              .sort()
              .join(',')}`,
          },
          properties: { entityRef: f.entityRef, entityRefs: f.entityRefs },
        })),
      },
    ],
  };
}
