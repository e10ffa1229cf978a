import * as vscode from 'vscode';
import type { CommandManager } from '../../infrastructure/commandManager';
import type { Notifier } from '../../infrastructure/notifier';
import type { DualGaugeServer } from './dualGaugeServer';

export const ServerCommandIds = {
  restart: 'dualgauge.restartServer',
  showLogs: 'dualgauge.showLogs',
} as const;

export function activateServerFeature(context: vscode.ExtensionContext, commands: CommandManager, server: DualGaugeServer, notifier: Notifier): void {
  commands.register(ServerCommandIds.restart, async () => {
    await server.restart();
    void vscode.window.setStatusBarMessage('DualGauge server restarted', 3000);
  });
  commands.register(ServerCommandIds.showLogs, () => server.log.show(true));

  // The server follows the "dualgauge" section live (workspace/didChangeConfiguration); only where the
  // server comes from (dualgauge.server.*) needs a restart.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dualgauge.server')) {
        server.log.info('dualgauge.server.* changed: restarting the server.');
        server.restart().catch((error: unknown) => notifier.error('Restarting the server', error));
      } else if (event.affectsConfiguration('dualgauge')) {
        server.log.info('DualGauge settings changed: the server reads them live.');
      }
    }),
  );

  server.start().catch((error: unknown) => notifier.error('Starting the server', error));
}
