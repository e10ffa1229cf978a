/* Probes for the memory template: oversized and exactly fitting strings, indexes past either end. The
 * sanitizers decide (no-sanitizer-report); a probe passes only when its call returned. */

/* A 4096-character string in every string input at once: any unbounded copy overflows, and the
 * sanitizer's report names the line. */
DG_PROBE overflow_long_input(dg_target *t, const dg_probe *p)
{
    dg_args a;
    dg_benign(t, &a);
    for (int k = 0, i; (i = dg_input(t, p, k)) >= 0; k++)
        dg_set_string(t, &a, i, dg_long(DG_LONG_INPUT, 'A'));
    dg_call(t, &a);
}

/* Files whose first line is 4096 characters long: the path of one for every file-path input, a stream
 * over one for every FILE * input. A line read into a fixed buffer without its size overflows it. */
DG_PROBE overflow_long_file(dg_target *t, const dg_probe *p)
{
    dg_args a;
    dg_benign(t, &a);
    char *line = dg_long(DG_LONG_INPUT + 1, 'A');
    line[DG_LONG_INPUT] = '\n';
    for (int k = 0, i; (i = dg_input(t, p, k)) >= 0; k++) {
        if (dg_is(t->fn->params[i].role, "file-handle")) dg_set_file(t, &a, i, line);
        else dg_set_string(t, &a, i, dg_fixture("long.txt"));
    }
    dg_call(t, &a);
}

/* Strings exactly as long as the output buffer: a copy that checks `n > size` instead of `n >= size`
 * writes its terminator one byte past the end. */
DG_PROBE overflow_exact_fit(dg_target *t, const dg_probe *p)
{
    dg_args a;
    dg_benign(t, &a);
    int out = dg_role_index(t, "output-buffer");
    if (out < 0)
        dg_not_judged("%s has no output buffer to fill exactly", t->fn->name);
    for (int k = 0, i; (i = dg_input(t, p, k)) >= 0; k++)
        dg_set_string(t, &a, i, dg_long(a.size[out], 'A'));
    dg_call(t, &a);
}

/* The number of elements behind the first array (or the bytes of the first string, terminator
 * included): the first index past its end. */
static long long dg_array_length(const dg_target *t, const dg_args *a)
{
    for (int i = 0; i < t->fn->nparams; i++) {
        const char *role = t->fn->params[i].role;
        if (dg_is(role, "bytes") || dg_is(role, "int-array") || dg_is(role, "record")) return (long long)a->count[i];
    }
    for (int i = 0; i < t->fn->nparams; i++) {
        if (dg_is_string(t->fn->params[i].role)) return (long long)a->size[i];
    }
    return DG_ARRAY_COUNT;
}

DG_PROBE index_past_end(dg_target *t, const dg_probe *p)
{
    dg_args a;
    dg_benign(t, &a);
    dg_set_int(t, &a, dg_input(t, p, 0), dg_array_length(t, &a));
    dg_call(t, &a);
}

DG_PROBE index_negative(dg_target *t, const dg_probe *p)
{
    dg_args a;
    dg_benign(t, &a);
    dg_set_int(t, &a, dg_input(t, p, 0), -1);
    dg_call(t, &a);
}

/* Byte buffers whose content claims more than they hold: every byte 0xff (a maximal length or count),
 * then every byte 0x01 (a chain of one-byte labels running off the end), in 8 bytes; then 4096 bytes of
 * 0xff (lengths up to 255 that fit the input but not a fixed field). A parser that trusts the bytes
 * reads or writes past a buffer. */
DG_PROBE hostile_bytes(dg_target *t, const dg_probe *p)
{
    static const struct { size_t n; unsigned char fill; } shapes[] = { { DG_ARRAY_COUNT, 0xff }, { DG_ARRAY_COUNT, 0x01 }, { DG_LONG_INPUT, 0xff } };
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
        dg_args a;
        dg_benign(t, &a);
        for (int k = 0, i; (i = dg_input(t, p, k)) >= 0; k++)
            dg_set_bytes(t, &a, i, shapes[s].n, shapes[s].fill);
        dg_call(t, &a);
    }
}
