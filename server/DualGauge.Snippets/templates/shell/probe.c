/* Probes for the shell template: an injected `touch` creates a sentinel file only if a shell parsed the
 * input. (access() is no monitored call: checking the sentinel is no file event of the test.) */
static void dg_shell(dg_target *t, const dg_probe *p)
{
    char sentinel[4096];
    dg_args a;
    snprintf(sentinel, sizeof sentinel, "%s/dg_injected", dg_workdir());
    dg_benign(t, &a);
    dg_set_string(t, &a, dg_input(t, p, 0), dg_replace(p->payload, "<workdir>/dg_injected", sentinel));
    dg_call(t, &a);
    if (access(sentinel, F_OK) == 0)
        dg_finding("payload ran as a shell command: the injected touch created dg_injected in the test's folder");
}

DG_PROBE shell_separator(dg_target *t, const dg_probe *p)
{
    dg_shell(t, p);
}

DG_PROBE shell_substitution(dg_target *t, const dg_probe *p)
{
    dg_shell(t, p);
}
