// corpus: label=neutral cwe=- function=progress_percent
/*
 * Percentage of work done, rounded down and clamped to 0..100.
 * Used by the CLI progress bar.
 */
int progress_percent(unsigned long long done, unsigned long long total)
{
    unsigned long long pct;

    if (total == 0) {
        return 100;
    }
    if (done >= total) {
        return 100;
    }
    /* done < total; widen so done * 100 cannot overflow */
    pct = (unsigned long long)(((unsigned __int128)done * 100u) / total);
    return pct > 100 ? 100 : (int)pct;
}
