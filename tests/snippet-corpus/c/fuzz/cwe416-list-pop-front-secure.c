// corpus: label=secure cwe=CWE-416 function=job_queue_pop
#include <stdlib.h>
#include <string.h>

struct job {
    char name[48];
    int priority;
    struct job *next;
};

/*
 * Remove the first job from the queue, free it and return the new head.
 * The job's name is copied to `out` (at least 48 bytes) first.
 */
struct job *job_queue_pop(struct job *head, char *out)
{
    struct job *next;

    if (head == NULL) {
        return NULL;
    }
    strcpy(out, head->name);
    next = head->next;
    free(head);
    return next;
}
