// What the status bar item shows for each server state.
import type { StatusParams } from '../../infrastructure/protocol';

export type ClientState = StatusParams['state'] | 'stopped' | 'serverMissing';

export interface StatusView {
  text: string;
  tooltip: string;
  /** 'error' and 'warning' map to the status bar's theme backgrounds. */
  severity: 'none' | 'warning' | 'error';
  /** Clicking shows the fix (when there is something to fix) or the logs. */
  hasFix: boolean;
}

export function statusView(state: ClientState, pending: number, message: string, fix?: string, lastVerdict?: string): StatusView {
  switch (state) {
    case 'starting':
      return { text: '$(sync~spin) DualGauge: starting', tooltip: message || 'The DualGauge server is starting.', severity: 'none', hasFix: false };
    case 'ready':
      return {
        text: lastVerdict ? `$(shield) DualGauge: ${lastVerdict}` : '$(shield) DualGauge',
        tooltip: [message || 'DualGauge is ready.', lastVerdict ? `Last verdict: ${lastVerdict}` : ''].filter(Boolean).join('\n'),
        severity: 'none',
        hasFix: false,
      };
    case 'evaluating':
      return {
        text: `$(sync~spin) DualGauge: evaluating ${Math.max(pending, 1)}`,
        tooltip: message || `${Math.max(pending, 1)} evaluation(s) running in the sandbox.`,
        severity: 'none',
        hasFix: false,
      };
    case 'dockerUnavailable':
      return {
        text: '$(warning) DualGauge: Docker unavailable',
        tooltip: [message || 'Docker is not reachable.', fix ? `Fix: ${fix}` : ''].filter(Boolean).join('\n'),
        severity: 'warning',
        hasFix: true,
      };
    case 'serverMissing':
      return { text: '$(error) DualGauge: server not found', tooltip: message, severity: 'error', hasFix: true };
    case 'stopped':
    default:
      return { text: '$(circle-slash) DualGauge: stopped', tooltip: message || 'The DualGauge server is not running.', severity: 'error', hasFix: true };
  }
}
