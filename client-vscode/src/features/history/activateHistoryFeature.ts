import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import type { CommandManager } from '../../infrastructure/commandManager';
import { Methods, type HistoryChangedParams, type HistoryEntry, type HistoryEntrySummary } from '../../infrastructure/protocol';
import { toVscodeRange } from '../../infrastructure/vscodeHost';
import type { DualGaugeServer } from '../server/dualGaugeServer';
import { renderDetailsPage } from './detailsPage';
import { HistoryTreeProvider, type HistoryNode } from './historyTreeProvider';
import { Groupings, type Grouping } from './historyModel';

export const HistoryViewId = 'dualgauge.history';

export const HistoryCommandIds = {
  show: 'dualgauge.showHistory',
  clear: 'dualgauge.clearHistory',
  refresh: 'dualgauge.history.refresh',
  groupByFile: 'dualgauge.history.groupByFile',
  groupByDay: 'dualgauge.history.groupByDay',
  groupByVerdict: 'dualgauge.history.groupByVerdict',
  groupByCwe: 'dualgauge.history.groupByCwe',
  reveal: 'dualgauge.history.reveal',
  rerun: 'dualgauge.history.rerun',
  showDetails: 'dualgauge.history.showDetails',
} as const;

const GroupingKey = 'dualgauge.history.grouping';

export interface HistoryFeature {
  showDetails(id: number): Promise<void>;
}

export function activateHistoryFeature(context: vscode.ExtensionContext, commands: CommandManager, server: DualGaugeServer): HistoryFeature {
  const stored = context.workspaceState.get<Grouping>(GroupingKey);
  const initial: Grouping = stored && Groupings.includes(stored) ? stored : 'file';
  const provider = new HistoryTreeProvider(server, initial);
  const view = vscode.window.createTreeView(HistoryViewId, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(view, provider);
  void vscode.commands.executeCommand('setContext', GroupingKey, initial);

  const setGrouping = async (grouping: Grouping) => {
    provider.setGrouping(grouping);
    await context.workspaceState.update(GroupingKey, grouping);
    await vscode.commands.executeCommand('setContext', GroupingKey, grouping);
  };

  let shownWhileRunning = server.isRunning;
  context.subscriptions.push(
    server.onNotification<HistoryChangedParams>(Methods.historyChanged, () => provider.refresh()),
    // A (re)started server has a history to show; a stopped one clears the view.
    server.onDidChangeStatus(() => {
      if (server.isRunning !== shownWhileRunning) {
        shownWhileRunning = server.isRunning;
        provider.refresh();
      }
    }),
  );

  const details = new DetailsPanels(context, server);

  commands.register(HistoryCommandIds.show, async () => {
    await vscode.commands.executeCommand(`${HistoryViewId}.focus`);
  });
  commands.register(HistoryCommandIds.clear, async () => {
    const answer = await vscode.window.showWarningMessage('Delete every entry of the DualGauge suggestion history?', { modal: true }, 'Clear History');
    if (answer !== 'Clear History') {
      return;
    }
    const result = await server.sendRequest<{ deleted: number }>(Methods.historyClear, {});
    provider.refresh();
    void vscode.window.setStatusBarMessage(`DualGauge: ${result?.deleted ?? 0} history entries deleted`, 4000);
  });
  commands.register(HistoryCommandIds.refresh, () => provider.refresh());
  commands.register(HistoryCommandIds.groupByFile, () => setGrouping('file'));
  commands.register(HistoryCommandIds.groupByDay, () => setGrouping('day'));
  commands.register(HistoryCommandIds.groupByVerdict, () => setGrouping('verdict'));
  commands.register(HistoryCommandIds.groupByCwe, () => setGrouping('cwe'));
  commands.register(HistoryCommandIds.reveal, async (arg?: unknown) => {
    const entry = entryOf(arg);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(entry.uri));
    const range = toVscodeRange(entry.range);
    const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
  commands.register(HistoryCommandIds.rerun, async (arg?: unknown) => {
    const entry = entryOf(arg);
    await vscode.window.withProgress({ location: { viewId: HistoryViewId }, title: 'Re-running' }, () =>
      server.sendRequest<HistoryEntrySummary>(Methods.historyRerun, { id: entry.id }));
    provider.refresh();
  });
  commands.register(HistoryCommandIds.showDetails, async (arg?: unknown) => details.show(entryOf(arg).id));

  return { showDetails: (id) => details.show(id) };
}

function entryOf(arg: unknown): HistoryEntrySummary {
  const node = arg as HistoryNode | HistoryEntrySummary | undefined;
  if (node && 'kind' in node && node.kind === 'entry') {
    return node.entry;
  }
  if (node && 'id' in node && 'uri' in node && 'range' in node) {
    return node as HistoryEntrySummary;
  }
  throw new Error('Pick an entry in the Suggestion History view.');
}

/** One webview per history entry; showing an entry twice reveals its panel. */
class DetailsPanels {
  private readonly panels = new Map<number, vscode.WebviewPanel>();

  constructor(private readonly context: vscode.ExtensionContext, private readonly server: DualGaugeServer) {}

  async show(id: number): Promise<void> {
    const entry = await this.server.sendRequest<HistoryEntry>(Methods.historyGet, { id });
    if (!entry) {
      throw new Error(`History entry ${id} no longer exists.`);
    }
    if (typeof entry !== 'object' || !entry.summary?.range) {
      throw new Error(`${Methods.historyGet} for entry ${id} answered without a summary; the server and the extension disagree on the protocol.`);
    }
    let panel = this.panels.get(id);
    if (!panel) {
      panel = vscode.window.createWebviewPanel('dualgauge.details', `DualGauge #${id}`, vscode.ViewColumn.Beside, {
        enableScripts: false,
        enableCommandUris: false,
        localResourceRoots: [],
      });
      this.panels.set(id, panel);
      panel.onDidDispose(() => this.panels.delete(id), undefined, this.context.subscriptions);
    }
    const nonce = crypto.randomBytes(16).toString('base64');
    panel.webview.html = renderDetailsPage(entry, panel.webview.cspSource, nonce);
    panel.reveal(undefined, true);
  }
}
