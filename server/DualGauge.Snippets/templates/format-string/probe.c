/* Probes for the format-string template: printf directives in every string input; what the call
 * printed, logged, wrote or returned is read back. */

/* The first "DG" in the text followed by a hex digit (a %x of the payload expanded), or NULL. */
static const char *dg_expanded_directive(const char *text)
{
    for (const char *s = strstr(text, "DG"); s; s = strstr(s + 2, "DG")) {
        char c = s[2];
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) return s;
    }
    return NULL;
}

DG_PROBE format_directives(dg_target *t, const dg_probe *p)
{
    dg_args a;
    dg_benign(t, &a);
    for (int k = 0, i; (i = dg_input(t, p, k)) >= 0; k++)
        dg_set_string(t, &a, i, dg_copy(p->payload));
    dg_capture_begin();
    dg_call(t, &a);
    dg_capture_end();
    const char *seen = dg_output(t, &a);
    const char *expanded = dg_expanded_directive(seen);
    if (expanded) {
        size_t n = strcspn(expanded, "\n\r");
        dg_finding("the input was used as a format string: `%s` came out as `%.*s`", p->payload, (int)(n < 60 ? n : 60), expanded);
    }
    if (strstr(seen, "DG") == NULL)
        dg_not_judged("%s produced no text the probe can read (stdout, stderr, syslog, an output buffer, a FILE * argument or a returned string) holding the input", t->fn->name);
}
