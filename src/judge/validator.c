/*
 * judge/validator.c -- the Kattis default output validator; see
 * validator.h for the rules it implements.
 */
#include "judge/validator.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* Bytes of a token shown in a message before it is cut with "...". */
#define SHOW_MAX 48

/*** Flags ***/

void
validator_flags_default(struct validator_flags *f)
{
	f->case_sensitive = false;
	f->space_change_sensitive = false;
	f->float_abs_tol = -1;
	f->float_rel_tol = -1;
}

/* Set err to a formatted reason, if there is room for one. */
static void __attribute__((format(printf, 3, 4)))
set_msg(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;

	if (buf == NULL || len == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, len, fmt, ap);
	va_end(ap);
}

/*
 * True if the first len bytes of s are a finite float in the reference's
 * sense: sscanf("%lf%10s") converts exactly one item and the value is
 * neither infinite nor NaN. sscanf itself decides, because glibc's
 * sscanf and strtod differ at the edges: sscanf reads "1e", "1e+" and
 * "0x." as numbers (the incomplete tail is consumed), strtod does not.
 * Every finite form uses only the bytes checked below ("inf", "nan(...)"
 * and "infinity" are rejected anyway), so most words are turned down
 * without a copy; a NUL byte inside makes a token no float. *scratch (of
 * *cap bytes, grown as needed) holds the NUL-terminated copy.
 */
static bool
parse_float(const char *s, size_t len, char **scratch, size_t *cap,
    double *val)
{
	char   trash[20];
	double v;
	size_t i;

	if (len == 0)
		return false;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
		    (c >= 'A' && c <= 'F') || c == 'x' || c == 'X' ||
		    c == 'p' || c == 'P' || c == '+' || c == '-' || c == '.'))
			return false;
	}
	if (*cap < len + 1) {
		*cap = len + 1 > 64 ? len + 1 : 64;
		*scratch = xrealloc(*scratch, *cap);
	}
	memcpy(*scratch, s, len);
	(*scratch)[len] = '\0';
	if (sscanf(*scratch, "%lf%10s", &v, trash) != 1)
		return false;
	*val = v;
	return isfinite(v);
}

/* Parse a tolerance word for flag `name`. Returns 0 or -1 with err set. */
static int
parse_tolerance(const char *name, const char *word, size_t wlen, double *out,
    char *err, size_t errlen)
{
	char  *scratch = NULL;
	size_t cap = 0;
	bool   ok;

	if (word == NULL) {
		set_msg(err, errlen, "%s: missing value", name);
		return -1;
	}
	ok = parse_float(word, wlen, &scratch, &cap, out);
	free(scratch);
	if (!ok) {
		set_msg(err, errlen, "%s: not a finite number: \"%.*s\"", name,
		    wlen > 40 ? 40 : (int)wlen, word);
		return -1;
	}
	return 0;
}

/* One flag word, for both parsers. */
struct word {
	const char *s;
	size_t	    len;
};

static bool
word_is(const struct word *w, const char *name)
{
	return w->len == strlen(name) && memcmp(w->s, name, w->len) == 0;
}

/* The common parser: nw words in w. See validator_parse_flags(). */
static int
parse_words(const struct word *w, size_t nw, struct validator_flags *out,
    char *err, size_t errlen)
{
	struct validator_flags f;
	size_t		       i;

	validator_flags_default(&f);
	validator_flags_default(out);
	for (i = 0; i < nw; i++) {
		const char *next = i + 1 < nw ? w[i + 1].s : NULL;
		size_t	    nlen = i + 1 < nw ? w[i + 1].len : 0;

		if (word_is(&w[i], "case_sensitive")) {
			f.case_sensitive = true;
		} else if (word_is(&w[i], "space_change_sensitive")) {
			f.space_change_sensitive = true;
		} else if (word_is(&w[i], "float_absolute_tolerance")) {
			if (parse_tolerance("float_absolute_tolerance", next,
			    nlen, &f.float_abs_tol, err, errlen) < 0)
				return -1;
			i++;
		} else if (word_is(&w[i], "float_relative_tolerance")) {
			if (parse_tolerance("float_relative_tolerance", next,
			    nlen, &f.float_rel_tol, err, errlen) < 0)
				return -1;
			i++;
		} else if (word_is(&w[i], "float_tolerance")) {
			if (parse_tolerance("float_tolerance", next, nlen,
			    &f.float_rel_tol, err, errlen) < 0)
				return -1;
			f.float_abs_tol = f.float_rel_tol;
			i++;
		} else {
			set_msg(err, errlen, "unknown validator flag \"%.*s\"",
			    w[i].len > 40 ? 40 : (int)w[i].len, w[i].s);
			return -1;
		}
	}
	*out = f;
	return 0;
}

static bool
is_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

int
validator_parse_flags(const char *flags, struct validator_flags *out,
    char *err, size_t errlen)
{
	struct word *w;
	size_t	     nw = 0, i = 0, len;
	int	     rc;

	if (flags == NULL)
		flags = "";
	len = strlen(flags);
	/* At most one word per two bytes, plus one. */
	w = xcalloc(len / 2 + 1, sizeof(*w));
	while (i < len) {
		size_t start;

		while (i < len && is_space((unsigned char)flags[i]))
			i++;
		if (i == len)
			break;
		start = i;
		while (i < len && !is_space((unsigned char)flags[i]))
			i++;
		w[nw].s = flags + start;
		w[nw].len = i - start;
		nw++;
	}
	rc = parse_words(w, nw, out, err, errlen);
	free(w);
	return rc;
}

int
validator_parse_argv(int argc, char *const argv[],
    struct validator_flags *out, char *err, size_t errlen)
{
	struct word *w;
	size_t	     n = argc > 0 ? (size_t)argc : 0, i;
	int	     rc;

	w = xcalloc(n + 1, sizeof(*w));
	for (i = 0; i < n; i++) {
		w[i].s = argv[i];
		w[i].len = strlen(argv[i]);
	}
	rc = parse_words(w, n, out, err, errlen);
	free(w);
	return rc;
}

/*** Messages ***/

/*
 * Length of the valid UTF-8 sequence at s (of n bytes), or 0 if s does not
 * start one. Overlong forms, surrogates and values past U+10FFFF are
 * invalid, so whatever this accepts jansson accepts too.
 */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t	 need, i;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		need = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		need = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		need = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (n < need)
		return 0;
	for (i = 1; i < need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((need == 3 && cp < 0x800) || (need == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return need;
}

/*
 * Write a printable form of s[0..n) to out (cap bytes, cap >= 4 * SHOW_MAX
 * + 8): valid UTF-8 is kept whole, control bytes, invalid bytes, '"' and
 * '\\' are escaped, and after SHOW_MAX source bytes the rest becomes "...".
 * The result is NUL-terminated valid UTF-8.
 */
static void
show(const char *s, size_t n, char *out, size_t cap)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t		     i = 0, o = 0;

	while (i < n && i < SHOW_MAX && o + 8 < cap) {
		size_t k = utf8_len(u + i, n - i);

		if (u[i] == '\n') {
			o += (size_t)snprintf(out + o, cap - o, "\\n");
			i++;
		} else if (u[i] == '\t') {
			o += (size_t)snprintf(out + o, cap - o, "\\t");
			i++;
		} else if (u[i] == '"' || u[i] == '\\') {
			out[o++] = '\\';
			out[o++] = (char)u[i++];
		} else if (k == 0 || u[i] < 0x20 || u[i] == 0x7f) {
			o += (size_t)snprintf(out + o, cap - o, "\\x%02x",
			    u[i]);
			i++;
		} else {
			memcpy(out + o, u + i, k);
			o += k;
			i += k;
		}
	}
	if (i < n && o + 4 <= cap) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
}

/*
 * Cut msg (of msglen bytes, NUL-terminated) back to valid UTF-8 in case
 * vsnprintf truncated it inside a multi-byte character.
 */
static void
msg_fix_utf8(char *msg, size_t msglen)
{
	size_t n = strnlen(msg, msglen), i = 0;

	while (i < n) {
		size_t k = utf8_len((const unsigned char *)msg + i, n - i);

		if (k == 0) {
			msg[i] = '\0';
			return;
		}
		i += k;
	}
}

/*** Comparison ***/

/* A read position in one of the two texts. */
struct cursor {
	const char *s;
	size_t	    len;
	size_t	    pos;
	size_t	    line; /* 1-based line of pos */
};

/* Skip whitespace; return the length of the run skipped. */
static size_t
skip_space(struct cursor *c)
{
	size_t start = c->pos;

	while (c->pos < c->len && is_space((unsigned char)c->s[c->pos])) {
		if (c->s[c->pos] == '\n')
			c->line++;
		c->pos++;
	}
	return c->pos - start;
}

/* Read the token at c->pos (after skip_space): its length, 0 at the end. */
static size_t
take_token(struct cursor *c)
{
	size_t start = c->pos;

	while (c->pos < c->len && !is_space((unsigned char)c->s[c->pos]))
		c->pos++;
	return c->pos - start;
}

static bool
same_token(const char *a, size_t alen, const char *b, size_t blen,
    bool case_sensitive)
{
	size_t i;

	if (alen != blen)
		return false;
	if (case_sensitive)
		return memcmp(a, b, alen) == 0;
	for (i = 0; i < alen; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];

		/* ASCII only, as strcasecmp() in the C locale. */
		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return true;
}

/* Reject with a formatted reason; returns 0 for `return reject(...)`. */
static int __attribute__((format(printf, 3, 4)))
reject(char *msg, size_t msglen, const char *fmt, ...)
{
	va_list ap;

	if (msg != NULL && msglen > 0) {
		va_start(ap, fmt);
		vsnprintf(msg, msglen, fmt, ap);
		va_end(ap);
		msg_fix_utf8(msg, msglen);
	}
	return 0;
}

int
validator_check(const char *answer, size_t answer_len, const char *output,
    size_t output_len, const struct validator_flags *f, char *msg,
    size_t msglen)
{
	struct validator_flags defaults;
	struct cursor	       a = { answer, answer_len, 0, 1 };
	struct cursor	       o = { output, output_len, 0, 1 };
	char		       sa[4 * SHOW_MAX + 8], so[4 * SHOW_MAX + 8];
	char		      *scratch = NULL;
	size_t		       cap = 0, ntok;
	bool		       use_floats;
	int		       rc = 0;

	if (f == NULL) {
		validator_flags_default(&defaults);
		f = &defaults;
	}
	if (msg != NULL && msglen > 0)
		msg[0] = '\0';
	use_floats = f->float_abs_tol >= 0 || f->float_rel_tol >= 0;

	for (ntok = 0;; ntok++) {
		size_t	    aw_start = a.pos, ow_start = o.pos;
		size_t	    aw, ow, al, ol, oline;
		const char *at, *ot;
		double	    av, ov;

		aw = skip_space(&a);
		oline = o.line;
		ow = skip_space(&o);
		if (f->space_change_sensitive && (aw != ow ||
		    memcmp(a.s + aw_start, o.s + ow_start, aw) != 0)) {
			show(a.s + aw_start, aw, sa, sizeof(sa));
			show(o.s + ow_start, ow, so, sizeof(so));
			rc = reject(msg, msglen,
			    "line %zu: whitespace differs: expected \"%s\", "
			    "got \"%s\"", oline, sa, so);
			goto out;
		}

		at = a.s + a.pos;
		al = take_token(&a);
		if (al == 0)
			break;
		ot = o.s + o.pos;
		ol = take_token(&o);
		show(at, al, sa, sizeof(sa));
		if (ol == 0) {
			if (ntok > 0)
				rc = reject(msg, msglen,
				    "line %zu: output ended early, expected "
				    "\"%s\"", o.line, sa);
			else if (output_len == 0)
				rc = reject(msg, msglen,
				    "output is empty, expected \"%s\"", sa);
			else
				rc = reject(msg, msglen,
				    "output holds only whitespace, expected "
				    "\"%s\"", sa);
			goto out;
		}
		show(ot, ol, so, sizeof(so));

		if (use_floats && parse_float(at, al, &scratch, &cap, &av)) {
			double d;

			if (!parse_float(ot, ol, &scratch, &cap, &ov)) {
				rc = reject(msg, msglen,
				    "line %zu: expected a number near \"%s\", "
				    "got \"%s\"", o.line, sa, so);
				goto out;
			}
			d = fabs(av - ov);
			if (!(d <= f->float_abs_tol) &&
			    !(d <= f->float_rel_tol * fabs(av))) {
				rc = reject(msg, msglen,
				    "line %zu: expected \"%s\", got \"%s\" "
				    "(difference %g is beyond the tolerance)",
				    o.line, sa, so, d);
				goto out;
			}
		} else if (!same_token(at, al, ot, ol, f->case_sensitive)) {
			rc = reject(msg, msglen,
			    "line %zu: expected \"%s\", got \"%s\"", o.line,
			    sa, so);
			goto out;
		}
	}

	/* The answer is exhausted: any further token is trailing output. */
	skip_space(&o);
	if (o.pos < o.len) {
		const char *ot = o.s + o.pos;
		size_t	    ol = take_token(&o);

		show(ot, ol, so, sizeof(so));
		rc = reject(msg, msglen, "line %zu: trailing output \"%s\"",
		    o.line, so);
		goto out;
	}
	rc = 1;
out:
	free(scratch);
	return rc;
}
