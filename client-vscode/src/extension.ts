// Composition root: builds the shared services and activates each feature in turn.
import * as vscode from 'vscode';
import { CommandManager, declaredCommandIds } from './infrastructure/commandManager';
import { commandRegistrar, currentSettings, errorReporter } from './infrastructure/vscodeHost';
import { activateAiInsertionFeature } from './features/aiInsertion/activateAiInsertionFeature';
import { activateEvaluationFeature } from './features/evaluation/activateEvaluationFeature';
import { activateHistoryFeature } from './features/history/activateHistoryFeature';
import { activateServerFeature } from './features/server/activateServerFeature';
import { DualGaugeServer } from './features/server/dualGaugeServer';
import { activateStatusFeature } from './features/status/activateStatusFeature';

let server: DualGaugeServer | undefined;

export interface DualGaugeApi {
  /** For the extension's own integration tests. */
  readonly server: DualGaugeServer;
  readonly unregisteredCommands: string[];
}

export function activate(context: vscode.ExtensionContext): DualGaugeApi {
  const log = vscode.window.createOutputChannel('DualGauge', { log: true });
  context.subscriptions.push(log);

  const commands = new CommandManager(commandRegistrar, declaredCommandIds(context.extension.packageJSON), errorReporter(log));
  context.subscriptions.push(commands);

  server = new DualGaugeServer(context, log);
  context.subscriptions.push(server);

  // Features subscribe to server notifications before the server starts, so none is missed.
  activateStatusFeature(context, commands, server);
  const history = activateHistoryFeature(context, commands, server);
  activateEvaluationFeature(commands, server, (id) => history.showDetails(id));
  activateAiInsertionFeature(context, commands, server);
  activateServerFeature(context, commands, server);

  // Menus use "editorLangId in dualgauge.languages" to offer the commands only where they apply.
  const publishLanguages = () => vscode.commands.executeCommand('setContext', 'dualgauge.languages', currentSettings().languages);
  void publishLanguages();
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('dualgauge.languages')) {
      void publishLanguages();
    }
  }));

  const unregistered = commands.unregisteredDeclaredIds();
  if (unregistered.length > 0) {
    log.warn(`Declared but not registered commands: ${unregistered.join(', ')}`);
  }
  return { server, unregisteredCommands: unregistered };
}

export async function deactivate(): Promise<void> {
  await server?.stop();
}
