using Markdig;

namespace DualGauge.LanguageServer.Reports;

/// <summary>
/// Reports and remediation notes as HTML for a webview. The Markdown quotes evaluated code, which is untrusted: raw
/// HTML in it is escaped (<c>DisableHtml</c>), so a snippet's text can never become markup, and the client's page
/// runs no script anyway.
/// </summary>
internal static class ReportHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    public static string Render(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}
