import * as vscode from 'vscode';
import type { CommandManager } from '../../infrastructure/commandManager';
import { ServerCommands, type HistoryEntrySummary } from '../../infrastructure/protocol';
import { toProtocolRange } from '../../infrastructure/vscodeHost';
import { entryLabel, verdictIcon } from '../history/historyModel';
import type { DualGaugeServer } from '../server/dualGaugeServer';

export const EvaluationCommandIds = {
  evaluateSelection: 'dualgauge.evaluateSelection',
  evaluateFile: 'dualgauge.evaluateFile',
  showReport: 'dualgauge.showReport',
  rerun: 'dualgauge.rerun',
  showRemediation: 'dualgauge.showRemediation',
} as const;

export function activateEvaluationFeature(commands: CommandManager, server: DualGaugeServer, showDetails: (id: number) => Promise<void>): void {
  commands.register(EvaluationCommandIds.evaluateSelection, async (uriArg?: unknown, rangeArg?: unknown) => {
    const editor = vscode.window.activeTextEditor;
    const uri = typeof uriArg === 'string' ? uriArg : editor ? editor.document.uri.toString() : undefined;
    if (!uri) {
      throw new Error('Open a Python, JavaScript or C file and select the code to evaluate.');
    }
    const range = isRange(rangeArg) ? rangeArg : editor ? toProtocolRange(selectionOrLine(editor)) : undefined;
    if (!range) {
      throw new Error('No selection to evaluate.');
    }
    const summary = await withProgress('Evaluating the selection in the sandbox…', () =>
      server.executeCommand<HistoryEntrySummary | null>(ServerCommands.evaluateSelection, [uri, range]));
    announce(summary ? [summary] : [], showDetails);
    return summary;
  });

  commands.register(EvaluationCommandIds.evaluateFile, async (uriArg?: unknown) => {
    const uri = typeof uriArg === 'string' ? uriArg : vscode.window.activeTextEditor?.document.uri.toString();
    if (!uri) {
      throw new Error('Open a Python, JavaScript or C file to evaluate.');
    }
    const summaries = await withProgress('Evaluating every function of the file in the sandbox…', () =>
      server.executeCommand<HistoryEntrySummary[]>(ServerCommands.evaluateFile, [uri]));
    announce(summaries ?? [], showDetails);
    return summaries;
  });

  // The server's code actions name these commands; the client runs them and renders the result.
  commands.register(EvaluationCommandIds.showReport, async (historyId?: unknown) => {
    const result = await server.executeCommand<{ markdown: string }>(ServerCommands.showReport, [requireId(historyId)]);
    await showMarkdown(result?.markdown ?? 'No report.');
  });
  commands.register(EvaluationCommandIds.rerun, async (historyId?: unknown) => {
    const summary = await withProgress('Re-running the evaluation…', () =>
      server.executeCommand<HistoryEntrySummary>(ServerCommands.rerun, [requireId(historyId)]));
    announce(summary ? [summary] : [], showDetails);
    return summary;
  });
  commands.register(EvaluationCommandIds.showRemediation, async (cwe?: unknown) => {
    if (typeof cwe !== 'string' || cwe.length === 0) {
      throw new Error('dualgauge.showRemediation needs a CWE id such as "CWE-89".');
    }
    const result = await server.executeCommand<{ markdown: string }>(ServerCommands.showRemediation, [cwe]);
    await showMarkdown(result?.markdown ?? `No remediation text for ${cwe}.`);
  });
}

function selectionOrLine(editor: vscode.TextEditor): vscode.Range {
  // An empty selection means "the function under the cursor": the server widens to it.
  return editor.selection.isEmpty ? editor.document.lineAt(editor.selection.active.line).range : editor.selection;
}

function isRange(value: unknown): value is { start: { line: number; character: number }; end: { line: number; character: number } } {
  const r = value as { start?: { line?: unknown }; end?: { line?: unknown } } | undefined;
  return typeof r?.start?.line === 'number' && typeof r?.end?.line === 'number';
}

function requireId(value: unknown): number {
  const id = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : (value as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'number' || !Number.isInteger(id)) {
    throw new Error(`Expected a history id, got ${JSON.stringify(value)}.`);
  }
  return id;
}

function withProgress<T>(title: string, work: () => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `DualGauge: ${title}` }, work));
}

function announce(summaries: HistoryEntrySummary[], showDetails: (id: number) => Promise<void>): void {
  if (summaries.length === 0) {
    void vscode.window.showInformationMessage('DualGauge: nothing in the selection could be evaluated.');
    return;
  }
  const worst = summaries.find((s) => s.verdict === 'insecure') ?? summaries.find((s) => s.verdict === 'broken') ?? summaries[0];
  const failed = worst.failedTests.length ? ` (failed: ${worst.failedTests.join(', ')})` : '';
  const text = summaries.length === 1 ? `DualGauge: ${entryLabel(worst)}${failed}` : `DualGauge: ${summaries.length} functions evaluated; worst: ${entryLabel(worst)}${failed}`;
  const show = verdictIcon(worst.verdict).label === 'Secure' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  void show(text, 'Show Details').then((choice) => {
    if (choice === 'Show Details') {
      void showDetails(worst.id);
    }
  });
}

async function showMarkdown(markdown: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri).then(undefined, () => undefined);
}
