#include "cicu.h"
#include <unicode/uregex.h>

/* cicu_regex is ICU's URegularExpression under an opaque name. */
#define RE(r) ((URegularExpression *)(r))

cicu_regex *cicu_open(const uint16_t *pattern, int32_t length, uint32_t flags, int32_t *error) {
    UParseError parse;
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *re = uregex_open((const UChar *)pattern, length, flags, &parse, &status);
    *error = (int32_t)status;
    return U_FAILURE(status) ? NULL : (cicu_regex *)re;
}

cicu_regex *cicu_clone(const cicu_regex *re) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *copy = uregex_clone((const URegularExpression *)re, &status);
    return U_FAILURE(status) ? NULL : (cicu_regex *)copy;
}

void cicu_close(cicu_regex *re) { uregex_close(RE(re)); }

int32_t cicu_group_count(cicu_regex *re) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = uregex_groupCount(RE(re), &status);
    return U_FAILURE(status) ? 0 : n;
}

int32_t cicu_group_number(cicu_regex *re, const uint16_t *name, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = uregex_groupNumberFromName(RE(re), (const UChar *)name, length, &status);
    return U_FAILURE(status) ? -1 : n;
}

int cicu_prepare(cicu_regex *re, const uint16_t *text, int32_t length, int64_t start, int64_t limit, int transparent,
                 int anchoring) {
    UErrorCode status = U_ZERO_ERROR;
    uregex_setText(RE(re), (const UChar *)text, length, &status);
    uregex_setRegion64(RE(re), start, limit, &status);
    uregex_useTransparentBounds(RE(re), transparent ? 1 : 0, &status);
    uregex_useAnchoringBounds(RE(re), anchoring ? 1 : 0, &status);
    return U_FAILURE(status) ? 0 : 1;
}

int cicu_find_next(cicu_regex *re) {
    UErrorCode status = U_ZERO_ERROR;
    UBool found = uregex_findNext(RE(re), &status);
    return (found && U_SUCCESS(status)) ? 1 : 0;
}

int cicu_looking_at(cicu_regex *re) {
    UErrorCode status = U_ZERO_ERROR;
    UBool found = uregex_lookingAt64(RE(re), -1, &status);
    return (found && U_SUCCESS(status)) ? 1 : 0;
}

int64_t cicu_start(cicu_regex *re, int32_t group) {
    UErrorCode status = U_ZERO_ERROR;
    int64_t v = uregex_start64(RE(re), group, &status);
    return U_FAILURE(status) ? -1 : v;
}

int64_t cicu_end(cicu_regex *re, int32_t group) {
    UErrorCode status = U_ZERO_ERROR;
    int64_t v = uregex_end64(RE(re), group, &status);
    return U_FAILURE(status) ? -1 : v;
}

void cicu_release_text(cicu_regex *re) {
    static const UChar empty[1] = {0};
    UErrorCode status = U_ZERO_ERROR;
    uregex_setText(RE(re), empty, 0, &status);
}

uint32_t cicu_flag_case_insensitive(void) { return UREGEX_CASE_INSENSITIVE; }
uint32_t cicu_flag_comments(void) { return UREGEX_COMMENTS; }
uint32_t cicu_flag_dotall(void) { return UREGEX_DOTALL; }
uint32_t cicu_flag_multiline(void) { return UREGEX_MULTILINE; }
uint32_t cicu_flag_unix_lines(void) { return UREGEX_UNIX_LINES; }
uint32_t cicu_flag_uword(void) { return UREGEX_UWORD; }
