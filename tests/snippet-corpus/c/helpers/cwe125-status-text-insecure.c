// corpus: label=insecure cwe=CWE-125 function=smtp_reply_text
#include <stddef.h>

/* Human readable text for the SMTP reply class reported by the relay. */
static const char *const reply_texts[] = {
    "unknown",
    "positive preliminary",
    "positive completion",
    "positive intermediate",
    "transient negative",
    "permanent negative",
};

/*
 * Map a three-digit SMTP reply code (e.g. 250, 451, 550) to a description
 * of its class, using the first digit.
 */
const char *smtp_reply_text(int code)
{
    int klass = code / 100;

    if (code < 0) {
        return reply_texts[0];
    }
    return reply_texts[klass];
}
