import * as vscode from 'vscode';
import type { CommandManager } from '../../infrastructure/commandManager';
import { Methods } from '../../infrastructure/protocol';
import type { ClientSettings } from '../../infrastructure/settings';
import { currentSettings, toProtocolRange } from '../../infrastructure/vscodeHost';
import type { DualGaugeServer } from '../server/dualGaugeServer';
import { InsertionTracker, type TrackerOptions } from './insertionTracker';

export const AiInsertionCommandIds = { acceptInlineSuggestion: 'dualgauge.acceptInlineSuggestion' } as const;

/** Long enough for the accept's edit to reach the extension host, short enough not to catch the next keystroke. */
const AcceptWindowMs = 1500;

function trackerOptions(settings: ClientSettings): TrackerOptions {
  return {
    enabled: settings.autoEvaluateAiInsertions,
    largeInsertionThreshold: settings.largeInsertionThreshold,
    languages: settings.languages,
    acceptWindowMs: AcceptWindowMs,
  };
}

export function activateAiInsertionFeature(context: vscode.ExtensionContext, commands: CommandManager, server: DualGaugeServer): InsertionTracker {
  const tracker = new InsertionTracker(trackerOptions(currentSettings()));

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dualgauge')) {
        tracker.update(trackerOptions(currentSettings()));
      }
    }),
    // The typing path: synchronous, proportional to the change, and the send is fire-and-forget.
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) {
        return;
      }
      const insertion = tracker.onDidChange(
        {
          document: { uri: event.document.uri.toString(), version: event.document.version, languageId: event.document.languageId },
          contentChanges: event.contentChanges.map((c) => ({ range: toProtocolRange(c.range), text: c.text })),
          reason: event.reason,
        },
        Date.now(),
      );
      if (insertion && server.isRunning) {
        server.log.info(`AI insertion (${insertion.source}) in ${insertion.textDocument.uri} lines ${insertion.range.start.line + 1}-${insertion.range.end.line + 1}`);
        server.sendNotification(Methods.aiInsertion, insertion).catch((error: unknown) =>
          server.log.warn(`Sending ${Methods.aiInsertion}: ${error instanceof Error ? error.message : String(error)}`));
      }
    }),
  );

  // Bound to Tab while ghost text is visible (package.json keybindings): note that the next edit
  // of this document is the accepted suggestion, then let VS Code commit it as usual.
  commands.register(AiInsertionCommandIds.acceptInlineSuggestion, async () => {
    const editor = vscode.window.activeTextEditor;
    if (editor) {
      tracker.armInlineAccept(editor.document.uri.toString(), Date.now());
    }
    try {
      await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
    } catch (error) {
      tracker.disarm();
      throw error;
    }
  });

  return tracker;
}
