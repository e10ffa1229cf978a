import * as vscode from 'vscode';
import type { CommandManager } from '../../infrastructure/commandManager';
import { Methods, type StatusParams } from '../../infrastructure/protocol';
import type { DualGaugeServer, ServerStatus } from '../server/dualGaugeServer';
import { statusView } from './statusModel';

export const StatusCommandIds = { showStatus: 'dualgauge.showStatus' } as const;

export function activateStatusFeature(context: vscode.ExtensionContext, commands: CommandManager, server: DualGaugeServer): void {
  const item = vscode.window.createStatusBarItem('dualgauge.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'DualGauge';
  item.command = StatusCommandIds.showStatus;
  context.subscriptions.push(item);

  let warnedDockerUnavailable = false;
  const render = (status: ServerStatus) => {
    const view = statusView(status.state, status.pending, status.message, status.fix);
    item.text = view.text;
    item.tooltip = view.tooltip;
    item.backgroundColor = view.severity === 'none' ? undefined : new vscode.ThemeColor(`statusBarItem.${view.severity}Background`);
    item.show();
    if (status.state === 'dockerUnavailable' && !warnedDockerUnavailable) {
      // Once per session: every evaluation would otherwise fail silently.
      warnedDockerUnavailable = true;
      void showStatusDetails(server, status);
    } else if (status.state === 'ready') {
      warnedDockerUnavailable = false;
    }
  };

  context.subscriptions.push(
    server.onDidChangeStatus(render),
    server.onNotification<StatusParams>(Methods.status, (params) => server.reportServerStatus(params)),
  );
  render(server.status);

  commands.register(StatusCommandIds.showStatus, () => showStatusDetails(server, server.status));
}

async function showStatusDetails(server: DualGaugeServer, status: ServerStatus): Promise<void> {
  const view = statusView(status.state, status.pending, status.message, status.fix);
  if (!view.hasFix) {
    server.log.show(true);
    return;
  }
  const text = [status.message, status.fix ? `Fix: ${status.fix}` : undefined].filter(Boolean).join(' ');
  const choice = await vscode.window.showWarningMessage(`DualGauge: ${text}`, 'Restart Server', 'Show Logs');
  if (choice === 'Restart Server') {
    await vscode.commands.executeCommand('dualgauge.restartServer');
  } else if (choice === 'Show Logs') {
    server.log.show(true);
  }
}
