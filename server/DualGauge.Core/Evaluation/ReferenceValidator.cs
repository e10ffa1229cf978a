using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;

namespace DualGauge.Core.Evaluation;

/// <summary>A way a task's references contradict its tests.</summary>
/// <param name="Variant">The reference at fault.</param>
/// <param name="Test">The test at fault, when one test is to blame.</param>
public sealed record ValidationProblem(string TaskId, string Variant, VariantKind Kind, string? Test, string Problem)
{
    public override string ToString() => $"{TaskId} / {Variant} ({Kind.ToString().ToLowerInvariant()})" + (Test is null ? "" : $" / {Test}") + $": {Problem}";
}

/// <summary>The outcome of checking one task's references against its own tests.</summary>
public sealed record TaskValidation(BenchTask Task, IReadOnlyList<SampleVerdict> Verdicts, IReadOnlyList<ValidationProblem> Problems)
{
    public bool Valid => Problems.Count == 0;
}

/// <summary>
/// Proves that a task's tests discriminate: the secure reference passes everything, every insecure
/// variant passes every functional test and fails a security test, every wrong variant fails a
/// functional test.
/// </summary>
public static class ReferenceValidator
{
    public static IReadOnlyList<ValidationProblem> Check(BenchTask task, TaskVariant variant, SampleVerdict verdict)
    {
        var problems = new List<ValidationProblem>();
        void Problem(string? test, string text) => problems.Add(new ValidationProblem(task.Id, variant.Name, variant.Kind, test, text));

        if (verdict.Failure != SampleFailure.None)
        {
            if (variant.Kind != VariantKind.Wrong)
            {
                Problem(null, $"{verdict.Failure}: {verdict.FailureDetail}");
            }

            return problems;
        }

        switch (variant.Kind)
        {
            case VariantKind.Secure:
                foreach (var failed in verdict.FailedTests)
                {
                    Problem(failed.Test.Id, $"the secure reference fails this {failed.Kind.ToString().ToLowerInvariant()} test: {failed.Message}");
                }

                break;
            case VariantKind.Insecure:
                foreach (var failed in verdict.FailedTests.Where(t => t.Kind == TestKind.Functional))
                {
                    Problem(failed.Test.Id, $"an insecure variant must pass every functional test, but fails this one: {failed.Message}");
                }

                if (verdict.SecurePass)
                {
                    Problem(null, "an insecure variant must fail a security test, but passes all of them: the security tests do not catch it");
                }

                break;
            case VariantKind.Wrong:
                if (verdict.FunctionalPass)
                {
                    Problem(null, "a wrong variant must fail a functional test, but passes all of them: the functional tests do not catch it");
                }

                break;
        }

        return problems;
    }
}
