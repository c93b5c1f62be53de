import type {
  CheckFinding,
  IntegrationEdgeStyle,
} from '@interchange/plugin-interchange-common';

/** One colour per integration style, shared by edges, nodes and the legend. */
export const STYLE_COLORS: Record<IntegrationEdgeStyle, string> = {
  event: '#7b1fa2',
  webhook: '#ef6c00',
  http: '#1565c0',
  mesh: '#2e7d32',
};

export const STYLE_LABELS: Record<IntegrationEdgeStyle, string> = {
  event: 'Event (Kafka topic)',
  webhook: 'Webhook',
  http: 'HTTP (API, route, dependsOn)',
  mesh: 'Service mesh',
};

export const ALL_STYLES: IntegrationEdgeStyle[] = [
  'event',
  'webhook',
  'http',
  'mesh',
];

export const SEVERITY_COLORS: Record<CheckFinding['severity'], string> = {
  error: '#d32f2f',
  warning: '#f9a825',
  info: '#0288d1',
};

/** The worst severity of a list of findings, or undefined when there is none. */
export function worstSeverity(
  findings: readonly CheckFinding[],
): CheckFinding['severity'] | undefined {
  for (const s of ['error', 'warning', 'info'] as const) {
    if (findings.some(f => f.severity === s)) return s;
  }
  return undefined;
}
