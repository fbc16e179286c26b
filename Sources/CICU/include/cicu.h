#ifndef CICU_H
#define CICU_H
#include <stdint.h>

/*
 * The few ICU regex calls foiapipe makes, behind plain C types. ICU renames its C functions
 * by version (uregex_open_72) through macros Swift cannot import, and its headers clash with
 * the copy of ICU inside Swift's Foundation when both are visible to one Swift module, so the
 * ICU headers are included only in cicu.c.
 */
typedef struct cicu_regex cicu_regex;

/* Compiles a UTF-16 pattern; NULL with ICU's error code in *error when it is invalid. */
cicu_regex *cicu_open(const uint16_t *pattern, int32_t length, uint32_t flags, int32_t *error);
cicu_regex *cicu_clone(const cicu_regex *re);
void cicu_close(cicu_regex *re);
int32_t cicu_group_count(cicu_regex *re);
/* The group number of a named group, or -1 when the pattern has no group of that name. */
int32_t cicu_group_number(cicu_regex *re, const uint16_t *name, int32_t length);
/* Points the matcher at text[0..<length] and limits the search to [start, limit). */
int cicu_prepare(cicu_regex *re, const uint16_t *text, int32_t length, int64_t start, int64_t limit, int transparent,
                 int anchoring);
int cicu_find_next(cicu_regex *re);
/* A match that starts at the start of the region. */
int cicu_looking_at(cicu_regex *re);
/* Start and end of a group of the last match; -1 for a group that did not take part. */
int64_t cicu_start(cicu_regex *re, int32_t group);
int64_t cicu_end(cicu_regex *re, int32_t group);
/* Detaches the text so a pooled matcher holds no pointer into a freed buffer. */
void cicu_release_text(cicu_regex *re);

uint32_t cicu_flag_case_insensitive(void);
uint32_t cicu_flag_comments(void);
uint32_t cicu_flag_dotall(void);
uint32_t cicu_flag_multiline(void);
uint32_t cicu_flag_unix_lines(void);
uint32_t cicu_flag_uword(void);

#endif
