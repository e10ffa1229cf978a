import * as vscode from 'vscode';
import type { CommandManager } from '../../infrastructure/commandManager';
import type { Notifier } from '../../infrastructure/notifier';
import { Methods, type HistoryChangedParams, type HistoryListResult, type StatusParams } from '../../infrastructure/protocol';
import { entryLabel } from '../history/historyModel';
import type { DualGaugeServer, ServerStatus } from '../server/dualGaugeServer';
import { statusView } from './statusModel';

export const StatusCommandIds = { showStatus: 'dualgauge.showStatus' } as const;

export function activateStatusFeature(context: vscode.ExtensionContext, commands: CommandManager, server: DualGaugeServer, notifier: Notifier): void {
  const item = vscode.window.createStatusBarItem('dualgauge.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'DualGauge';
  item.command = StatusCommandIds.showStatus;
  context.subscriptions.push(item);

  let lastVerdict: string | undefined;
  const render = (status: ServerStatus) => {
    const view = statusView(status.state, status.pending, status.message, status.fix, lastVerdict);
    item.text = view.text;
    item.tooltip = view.tooltip;
    item.backgroundColor = view.severity === 'none' ? undefined : new vscode.ThemeColor(`statusBarItem.${view.severity}Background`);
    item.show();
    if (status.state === 'dockerUnavailable') {
      // One notification for the condition, however many evaluations hit it, until Docker is back.
      notifier.notify('warning', {
        key: 'docker',
        message: `DualGauge: ${[status.message, status.fix ? `Fix: ${status.fix}` : undefined].filter(Boolean).join(' ')}`,
        action: { title: 'Show Logs', run: () => server.log.show(true) },
      });
    } else if (status.state === 'ready' || status.state === 'evaluating') {
      notifier.clear('docker');
    }
  };

  // The status item shows the last verdict ("DualGauge: Secure: find_user"), from the newest history entry.
  const refreshLastVerdict = async () => {
    try {
      const newest = await server.sendRequest<HistoryListResult>(Methods.historyList, { offset: 0, limit: 1 });
      lastVerdict = newest?.items?.[0] ? entryLabel(newest.items[0]) : undefined;
      render(server.status);
    } catch {
      // The server is restarting: the next change refreshes it.
    }
  };

  context.subscriptions.push(
    server.onDidChangeStatus(render),
    server.onNotification<StatusParams>(Methods.status, (params) => server.reportServerStatus(params)),
    server.onNotification<HistoryChangedParams>(Methods.historyChanged, () => void refreshLastVerdict()),
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
