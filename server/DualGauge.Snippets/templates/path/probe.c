/* Probes for the path template: the file monitor decides (files-within). */
static void dg_path(dg_target *t, const dg_probe *p)
{
    dg_args a;
    dg_benign(t, &a);
    dg_set_string(t, &a, dg_input(t, p, 0), dg_copy(p->payload));
    dg_call(t, &a);
}

DG_PROBE path_traversal(dg_target *t, const dg_probe *p)
{
    dg_path(t, p);
}

DG_PROBE path_absolute(dg_target *t, const dg_probe *p)
{
    dg_path(t, p);
}
