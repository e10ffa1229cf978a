// The thin seam between the vscode module and the client's logic: adapters that turn vscode
// objects into the plain shapes the pure modules take, and the host services features share.
import * as vscode from 'vscode';
import type { CommandRegistrar, ErrorReporter } from './commandManager';
import type { NotificationHost, Notifier } from './notifier';
import type { Range } from './protocol';
import { readSettings, type ClientSettings } from './settings';

export const commandRegistrar: CommandRegistrar = {
  registerCommand: (id, handler) => vscode.commands.registerCommand(id, handler),
};

export function notificationHost(log: vscode.LogOutputChannel): NotificationHost {
  return {
    show: (severity, message, actions) => severity === 'error'
      ? vscode.window.showErrorMessage(message, ...actions)
      : severity === 'warning' ? vscode.window.showWarningMessage(message, ...actions) : vscode.window.showInformationMessage(message, ...actions),
    log: (message) => log.error(message),
  };
}

export function errorReporter(notifier: Notifier): ErrorReporter {
  return { reportError: (context, error) => notifier.error(context, error) };
}

export function currentSettings(scope?: vscode.ConfigurationScope): ClientSettings {
  const configuration = vscode.workspace.getConfiguration('dualgauge', scope);
  return readSettings((key) => configuration.get(key));
}

export function toProtocolRange(range: vscode.Range): Range {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

export function toVscodeRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
