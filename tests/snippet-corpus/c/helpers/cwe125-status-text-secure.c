// corpus: label=secure cwe=CWE-125 function=smtp_reply_text
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

#define REPLY_TEXT_COUNT (sizeof(reply_texts) / sizeof(reply_texts[0]))

/*
 * Map a three-digit SMTP reply code (e.g. 250, 451, 550) to a description
 * of its class, using the first digit.
 */
const char *smtp_reply_text(int code)
{
    int klass;

    if (code < 100 || code > 999) {
        return reply_texts[0];
    }
    klass = code / 100;
    if ((size_t)klass >= REPLY_TEXT_COUNT) {
        return reply_texts[0];
    }
    return reply_texts[klass];
}
