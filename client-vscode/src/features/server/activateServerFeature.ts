import * as vscode from 'vscode';
import type { CommandManager } from '../../infrastructure/commandManager';
import type { DualGaugeServer } from './dualGaugeServer';

export const ServerCommandIds = {
  restart: 'dualgauge.restartServer',
  showLogs: 'dualgauge.showLogs',
} as const;

export function activateServerFeature(context: vscode.ExtensionContext, commands: CommandManager, server: DualGaugeServer): void {
  commands.register(ServerCommandIds.restart, async () => {
    await server.restart();
    void vscode.window.setStatusBarMessage('DualGauge server restarted', 3000);
  });
  commands.register(ServerCommandIds.showLogs, () => server.log.show(true));

  // Settings travel in initializationOptions, so a change restarts the client with the new values.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dualgauge')) {
        server.log.info('DualGauge settings changed: restarting the server.');
        server.restart().catch((error: unknown) => reportStartFailure(server, error));
      }
    }),
  );

  server.start().catch((error: unknown) => reportStartFailure(server, error));
}

export function reportStartFailure(server: DualGaugeServer, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  void vscode.window.showErrorMessage(message, 'Show Logs', 'Open Settings').then((choice) => {
    if (choice === 'Show Logs') {
      server.log.show(true);
    } else if (choice === 'Open Settings') {
      void vscode.commands.executeCommand('workbench.action.openSettings', 'dualgauge.server');
    }
  });
}
