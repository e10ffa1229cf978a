// Composition root: builds the shared services and activates each feature in turn.
import * as vscode from 'vscode';
import { CommandManager, declaredCommandIds } from './infrastructure/commandManager';
import { Notifier } from './infrastructure/notifier';
import { commandRegistrar, currentSettings, errorReporter, notificationHost } from './infrastructure/vscodeHost';
import { ReportPanels } from './features/reports/reportPanels';
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
  /** Report panels open now, by key ("report:12", "remediation:CWE-89:python"). */
  readonly openReports: () => string[];
}

export function activate(context: vscode.ExtensionContext): DualGaugeApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('DualGauge', { log: true });
  context.subscriptions.push(log);

  // Quiet errors: the log gets everything, a toast gets one line, once per condition, with one action.
  const notifier = new Notifier(notificationHost(log), {
    showLogs: { title: 'Show Logs', run: () => log.show(true) },
    dockerHelp: { title: 'Start Docker help', run: () => vscode.commands.executeCommand('dualgauge.showStatus') },
  });

  const commands = new CommandManager(commandRegistrar, declaredCommandIds(context.extension.packageJSON), errorReporter(notifier));
  context.subscriptions.push(commands);

  server = new DualGaugeServer(context, log, notifier);
  context.subscriptions.push(server);
  const panels = new ReportPanels();
  context.subscriptions.push(panels);

  // Features subscribe to server notifications before the server starts, so none is missed.
  activateStatusFeature(context, commands, server, notifier);
  const history = activateHistoryFeature(context, commands, server);
  context.subscriptions.push(activateEvaluationFeature(commands, server, panels, (id) => history.showDetails(id)));
  activateAiInsertionFeature(context, commands, server);
  activateServerFeature(context, commands, server, notifier);

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
  // The server starts in the background; activation itself is what the editor waits for.
  log.info(`DualGauge activated in ${(performance.now() - started).toFixed(1)} ms`);
  return { server, unregisteredCommands: unregistered, openReports: () => panels.openKeys };
}

export async function deactivate(): Promise<void> {
  await server?.stop();
}
