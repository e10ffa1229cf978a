namespace DualGauge.Protocol;

/// <summary>Every JSON-RPC method name the server handles or sends, in one place.</summary>
public static class Methods
{
    public const string Initialize = "initialize";
    public const string Initialized = "initialized";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";
    public const string CancelRequest = "$/cancelRequest";
    public const string Progress = "$/progress";

    public const string TextDocumentDidOpen = "textDocument/didOpen";
    public const string TextDocumentDidChange = "textDocument/didChange";
    public const string TextDocumentDidSave = "textDocument/didSave";
    public const string TextDocumentDidClose = "textDocument/didClose";
    public const string TextDocumentPublishDiagnostics = "textDocument/publishDiagnostics";
    public const string TextDocumentCodeAction = "textDocument/codeAction";
    public const string TextDocumentCodeLens = "textDocument/codeLens";

    public const string WorkspaceExecuteCommand = "workspace/executeCommand";
    public const string WorkspaceConfiguration = "workspace/configuration";
    public const string WorkspaceDidChangeConfiguration = "workspace/didChangeConfiguration";
    public const string WorkspaceApplyEdit = "workspace/applyEdit";
    public const string WorkspaceCodeLensRefresh = "workspace/codeLens/refresh";

    public const string WindowLogMessage = "window/logMessage";
    public const string WindowShowMessage = "window/showMessage";
    public const string WindowWorkDoneProgressCreate = "window/workDoneProgress/create";

    public const string DualGaugeAiInsertion = "dualgauge/aiInsertion";
    public const string DualGaugeHistoryList = "dualgauge/history/list";
    public const string DualGaugeHistoryGet = "dualgauge/history/get";
    public const string DualGaugeHistoryRerun = "dualgauge/history/rerun";
    public const string DualGaugeHistoryClear = "dualgauge/history/clear";
    public const string DualGaugeHistoryChanged = "dualgauge/historyChanged";
    public const string DualGaugeStatus = "dualgauge/status";
}

/// <summary>The <c>workspace/executeCommand</c> commands the server advertises.</summary>
public static class Commands
{
    public const string EvaluateSelection = "dualgauge.evaluateSelection";
    public const string EvaluateFile = "dualgauge.evaluateFile";
    public const string Rerun = "dualgauge.rerun";
    public const string ShowReport = "dualgauge.showReport";
    public const string ShowRemediation = "dualgauge.showRemediation";

    /// <summary>Advertised only when <c>dualgauge.ai.enabled</c> is true at initialize.</summary>
    public const string FixWithAi = "dualgauge.fixWithAi";

    public static IReadOnlyList<string> All { get; } = [EvaluateSelection, EvaluateFile, Rerun, ShowReport, ShowRemediation];

    public static IReadOnlyList<string> WithAi { get; } = [.. All, FixWithAi];
}
