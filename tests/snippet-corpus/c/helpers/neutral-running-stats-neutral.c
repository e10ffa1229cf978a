// corpus: label=neutral cwe=- function=stats_add
#include <math.h>
#include <stddef.h>

/* Welford's online algorithm for mean and variance. */
struct running_stats {
    size_t n;
    double mean;
    double m2;
    double min;
    double max;
};

void stats_add(struct running_stats *s, double x)
{
    double delta;

    if (s->n == 0) {
        s->min = s->max = x;
    } else {
        if (x < s->min) s->min = x;
        if (x > s->max) s->max = x;
    }
    s->n++;
    delta = x - s->mean;
    s->mean += delta / (double)s->n;
    s->m2 += delta * (x - s->mean);
}

double stats_stddev(const struct running_stats *s)
{
    return s->n > 1 ? sqrt(s->m2 / (double)(s->n - 1)) : 0.0;
}
