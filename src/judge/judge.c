/*
 * judge/judge.c -- judge one submission: compile, run every test in the
 * sandbox, compare outside it; see judge.h and docs/judge.md.
 *
 * Stdin/stdout problems run one box per test: the input file is the box's
 * stdin, its stdout goes to a memfd (capped), and the answer is compared
 * by the Kattis default validator here, or by a custom checker in a box
 * of its own. Function problems run the harness once for all tests and
 * read one record per test from the result channel (fd 3), charging each
 * test the CPU used since the previous record and giving the next one a
 * fresh per-test budget. Expected answers never enter the program's box.
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "judge/compile.h"
#include "judge/fsutil.h"
#include "judge/harness.h"
#include "judge/judge.h"
#include "judge/lang.h"
#include "judge/lcvalue.h"
#include "judge/paths.h"
#include "judge/problem.h"
#include "judge/validator.h"
#include "judge/verdict.h"
#include "sandbox/sandbox.h"
#include "util/log.h"
#include "util/xalloc.h"

#define INPUT_MAX	   (256u << 20) /* a test's .in or .ans */
#define SHOWN_MAX	   (64u * 1024) /* output kept in the report */
#define STDERR_MAX	   (1u << 20)	/* stderr before OLE */
#define STDERR_TAIL	   2048u	/* stderr shown for RE */
#define STARTUP_MS	   2000u	/* harness start, before READY */
#define CHECKER_CPU_MS	   10000u
#define CHECKER_MEMORY_KB  (1024ull * 1024)
#define FEEDBACK_MAX	   4096u
#define RECORD_TEXT_MAX	   4096u	/* error text taken from a record */

/* One test as the judge sees it: host paths, trusted. */
struct jtest {
	const char *name;
	const char *input;  /* .in path */
	const char *answer; /* .ans path, or NULL: no verdict beyond RE... */
	const char *flags;  /* validator flags */
	bool	    shown;  /* sample or custom: keep its output */
};

struct judge {
	const struct judge_request *req;
	struct judge_report	   *rep;
	const struct lang	   *lang;
	struct problem		   *prob;
	struct jtest		   *tests;
	size_t			    ntests;
	char			   *scratch;	 /* custom cases' files */
	char			   *harness_dir; /* host path */
	struct compile_result	    prog;
	struct compile_result	    chk;
	char			  **chk_argv;	 /* checker run argv */
	struct lang		    script;	 /* a #! checker's "language" */
	uint32_t		    time_ms;	 /* per test, multiplied */
	uint64_t		    memory_kb;
	uint64_t		    output_max;
};

/*** Small helpers ***/

static char *
sdup_or_null(const char *s)
{
	return s != NULL && s[0] != '\0' ? xstrdup(s) : NULL;
}

/* A memfd holding len bytes of data, positioned at 0, or -1. */
static int
memfd_with(const char *name, const void *data, size_t len)
{
	const char *p = data;
	int	    fd = memfd_create(name, MFD_CLOEXEC);

	if (fd < 0)
		return -1;
	while (len > 0) {
		ssize_t w = write(fd, p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			close(fd);
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	if (lseek(fd, 0, SEEK_SET) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Split a flag string at whitespace into a NULL-terminated argv. */
static char **
split_words(const char *s)
{
	char  **v = xcalloc(1, sizeof(*v));
	size_t	n = 0;

	while (s != NULL && *s != '\0') {
		size_t k;

		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		k = strcspn(s, " \t\n");
		if (k == 0)
			break;
		v = xrealloc(v, (n + 2) * sizeof(*v));
		v[n++] = xstrndup(s, k);
		v[n] = NULL;
		s += k;
	}
	return v;
}

static void
test_result_set_message(struct judge_test_result *t, char *msg)
{
	free(t->message);
	t->message = msg;
}

/* The tail of a memfd's text, or NULL when empty. */
static char *
stderr_tail(int fd)
{
	char *s = fs_read_fd(fd, STDERR_TAIL, 1, NULL);

	if (s != NULL && s[0] == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

/* Message for a run that did not end cleanly. */
static char *
run_message(const struct sandbox_result *res, enum verdict v, int errfd,
    uint32_t limit_ms, uint64_t memory_kb)
{
	char  how[300];
	char *tail = errfd >= 0 ? stderr_tail(errfd) : NULL;
	char *msg;

	switch (v) {
	case VERDICT_TLE:
		msg = res->status == SANDBOX_WALL_LIMIT ?
		    xasprintf("wall-clock limit (%u ms): the program was "
			      "waiting, not computing", res->wall_ms) :
		    xasprintf("time limit %u ms of CPU time", limit_ms);
		break;
	case VERDICT_MLE:
		msg = xasprintf("memory limit %llu MB",
		    (unsigned long long)(memory_kb / 1024));
		break;
	case VERDICT_OLE:
		msg = xstrdup("output limit");
		break;
	case VERDICT_IE:
		msg = xasprintf("judge error: %s",
		    verdict_describe(res, how, sizeof(how)));
		break;
	default:
		msg = xstrdup(verdict_describe(res, how, sizeof(how)));
		break;
	}
	if (tail != NULL && (v == VERDICT_RE || v == VERDICT_MLE)) {
		char *m = xasprintf("%s\n%s", msg, tail);

		free(msg);
		msg = m;
	}
	free(tail);
	return msg;
}

/*** Checkers ***/

/*
 * The argv to run the checker file `main` of dir: a language by extension
 * (compiled into j->chk), or a script run by its #! interpreter.
 */
static int
checker_prepare(struct judge *j)
{
	const struct lang_table *tab = lang_table_default();
	const struct lang	*cl;
	const struct problem	*p = j->prob;
	struct compile_request	 creq;
	struct compile_file	*extra = NULL;
	char			*path, *main_src = NULL, **names;
	size_t			 len, nextra = 0, i;
	int			 rc = -1;

	path = xasprintf("%s/%s", p->checker_dir, p->checker_main);
	main_src = fs_read_file(path, INPUT_MAX, &len);
	free(path);
	if (main_src == NULL) {
		j->rep->message = xasprintf("checker %s: %s", p->checker_main,
		    strerror(errno));
		return -1;
	}
	cl = lang_for_file(tab, p->checker_main);
	if (cl == NULL && strncmp(main_src, "#!", 2) == 0) {
		/* A script: run by its interpreter, kept as "checker". */
		struct lang	  *script = &j->script;
		char		 **words;
		size_t		   nl = strcspn(main_src, "\n"), k = 0, n;
		char		  *line = xstrndup(main_src + 2, nl - 2);

		words = split_words(line);
		free(line);
		for (n = 0; words[n] != NULL; n++)
			;
		if (n > 0 && strcmp(words[0], "/usr/bin/env") == 0)
			k = 1;
		if (k >= n) {
			lang_argv_free(words);
			j->rep->message = xstrdup("checker: bad #! line");
			goto out;
		}
		j->chk_argv = xcalloc(n - k + 2, sizeof(char *));
		for (i = k; i < n; i++)
			j->chk_argv[i - k] = xstrdup(words[i]);
		j->chk_argv[n - k] = xstrdup("/prog/checker");
		lang_argv_free(words);
		memset(script, 0, sizeof(*script));
		script->id = "script";
		script->source = "checker";
		script->row = "script";
		cl = script;
		memset(&creq, 0, sizeof(creq));
		creq.lang = cl;
		creq.source = main_src;
		creq.source_len = len;
		creq.skip_check = true;
		compile_run(&creq, &j->chk);
		rc = j->chk.verdict == VERDICT_AC ? 0 : -1;
		if (rc < 0)
			j->rep->message = xasprintf("checker: %s",
			    j->chk.message ? j->chk.message : "cannot keep");
		goto out;
	}
	if (cl == NULL) {
		j->rep->message = xasprintf("checker %s: unknown language",
		    p->checker_main);
		goto out;
	}
	/* The other files of a Kattis validator dir (headers) go along. */
	if (j->prob->format == PROBLEM_FORMAT_KATTIS) {
		names = fs_list_sorted(p->checker_dir);
		for (i = 0; names != NULL && names[i] != NULL; i++) {
			char  *fp = xasprintf("%s/%s", p->checker_dir,
			     names[i]);
			char  *data;
			size_t dl;

			if (strcmp(names[i], p->checker_main) == 0 ||
			    names[i][0] == '.' ||
			    strcmp(names[i], cl->source) == 0 ||
			    !fs_is_file(fp)) {
				free(fp);
				continue;
			}
			data = fs_read_file(fp, INPUT_MAX, &dl);
			free(fp);
			if (data == NULL)
				continue;
			extra = xrealloc(extra, (nextra + 1) * sizeof(*extra));
			extra[nextra].name = xstrdup(names[i]);
			extra[nextra].data = data;
			extra[nextra].len = dl;
			nextra++;
		}
		fs_names_free(names);
	}
	memset(&creq, 0, sizeof(creq));
	creq.lang = cl;
	creq.source = main_src;
	creq.source_len = len;
	creq.extra = extra;
	creq.nextra = nextra;
	creq.key_extra = "checker";
	compile_run(&creq, &j->chk);
	if (j->chk.verdict != VERDICT_AC) {
		j->rep->message = xasprintf("the checker does not compile: "
					    "%s\n%s",
		    j->chk.message ? j->chk.message : "",
		    j->chk.output ? j->chk.output : "");
		goto out;
	}
	for (len = 0; cl->run[len] != NULL; len++)
		;
	j->chk_argv = xcalloc(len + 1, sizeof(char *));
	for (i = 0; i < len; i++)
		j->chk_argv[i] = xstrdup(cl->run[i]);
	rc = 0;
out:
	for (i = 0; i < nextra; i++) {
		free((char *)extra[i].name);
		free((char *)extra[i].data);
	}
	free(extra);
	free(main_src);
	return rc;
}

/*
 * Run the checker on one test: `checker /data/input /data/answer
 * /feedback/ [flags] < output`. The answer is bound into the checker's
 * box only. Returns AC, WA or IE, with a message (caller owns) in *msg.
 */
static enum verdict
checker_run(struct judge *j, const struct jtest *t, int outfd, char **msg)
{
	struct sandbox_config cfg;
	struct sandbox_result res;
	struct sandbox_bind   binds[4];
	char		    **flags, **argv;
	char		     *fb = NULL, how[300];
	size_t		      n = 0, nf, i;
	int		      errfd = -1, fbfd = -1;
	enum verdict	      v = VERDICT_IE;

	*msg = NULL;
	fb = compile_tmpdir("f-", 0777);
	errfd = memfd_create("gavel-chk", MFD_CLOEXEC);
	if (fb == NULL || errfd < 0 || lseek(outfd, 0, SEEK_SET) < 0) {
		*msg = xasprintf("checker set-up: %s", strerror(errno));
		goto out;
	}
	flags = split_words(t->flags);
	for (nf = 0; flags[nf] != NULL; nf++)
		;
	for (i = 0; j->chk_argv[i] != NULL; i++)
		n++;
	argv = xcalloc(n + nf + 4, sizeof(*argv));
	for (i = 0; i < n; i++)
		argv[i] = j->chk_argv[i];
	argv[n++] = "/data/input";
	argv[n++] = "/data/answer";
	argv[n++] = "/feedback/";
	for (i = 0; i < nf; i++)
		argv[n++] = flags[i];
	argv[n] = NULL;

	memset(&cfg, 0, sizeof(cfg));
	binds[0] = (struct sandbox_bind){ j->chk.dir, "/prog", false };
	binds[1] = (struct sandbox_bind){ t->input, "/data/input", false };
	binds[2] = (struct sandbox_bind){ t->answer, "/data/answer", false };
	binds[3] = (struct sandbox_bind){ fb, "/feedback", true };
	cfg.argv = (const char *const *)argv;
	cfg.binds = binds;
	cfg.nbinds = 4;
	sandbox_limits_default(&cfg.limits);
	cfg.limits.cpu_ms = CHECKER_CPU_MS;
	cfg.limits.memory_kb = CHECKER_MEMORY_KB;
	cfg.limits.stdout_max = 1u << 20;
	cfg.limits.stderr_max = 1u << 20;
	cfg.stdin_fd = outfd;
	cfg.stdout_fd = errfd;
	cfg.stderr_fd = errfd;
	sandbox_run(&cfg, &res);
	v = verdict_classify_checker(&res);

	fbfd = open(fb, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fbfd >= 0)
		*msg = fs_read_untrusted(fbfd, "judgemessage.txt", FEEDBACK_MAX,
		    NULL);
	if (*msg != NULL && (*msg)[0] == '\0') {
		free(*msg);
		*msg = NULL;
	}
	if (*msg == NULL)
		*msg = stderr_tail(errfd);
	if (v == VERDICT_IE) {
		char *m = xasprintf("the checker failed: %s%s%s",
		    verdict_describe(&res, how, sizeof(how)),
		    *msg ? "\n" : "", *msg ? *msg : "");

		free(*msg);
		*msg = m;
	}
	free(argv);
	lang_argv_free(flags);
out:
	if (fbfd >= 0)
		close(fbfd);
	if (errfd >= 0)
		close(errfd);
	compile_tmpdir_remove(fb);
	free(fb);
	return v;
}

/*** Stdin/stdout problems ***/

static void
judge_stdio_test(struct judge *j, size_t i, struct judge_test_result *r)
{
	const struct jtest   *t = &j->tests[i];
	struct sandbox_config cfg;
	struct sandbox_result res;
	struct sandbox_bind   bind;
	int		      infd = -1, outfd = -1, errfd = -1;
	char		     *out = NULL, *ans = NULL;
	size_t		      outlen = 0, anslen = 0;
	enum verdict	      v;

	r->verdict = VERDICT_IE;
	infd = open(t->input, O_RDONLY | O_CLOEXEC);
	outfd = memfd_create("gavel-out", MFD_CLOEXEC);
	errfd = memfd_create("gavel-err", MFD_CLOEXEC);
	if (infd < 0 || outfd < 0 || errfd < 0) {
		r->message = xasprintf("judge error: %s", strerror(errno));
		goto out;
	}
	memset(&cfg, 0, sizeof(cfg));
	bind = (struct sandbox_bind){ j->prog.dir, "/prog", false };
	cfg.argv = (const char *const *)j->lang->run;
	cfg.binds = &bind;
	cfg.nbinds = 1;
	sandbox_limits_default(&cfg.limits);
	cfg.limits.cpu_ms = j->time_ms;
	cfg.limits.wall_ms = 3 * j->time_ms + 2000;
	cfg.limits.memory_kb = j->memory_kb;
	cfg.limits.stdout_max = j->output_max;
	cfg.limits.stderr_max = STDERR_MAX;
	cfg.stdin_fd = infd;
	cfg.stdout_fd = outfd;
	cfg.stderr_fd = errfd;
	sandbox_run(&cfg, &res);
	r->cpu_ms = res.cpu_ms;
	r->wall_ms = res.wall_ms;
	r->memory_kb = res.memory_kb;
	j->rep->run_cpu_ms += res.cpu_ms;
	j->rep->run_wall_ms += res.wall_ms;
	v = verdict_classify_run(&res, j->memory_kb);
	if (t->shown)
		r->output = fs_read_fd(outfd, SHOWN_MAX, 0, NULL);
	if (v != VERDICT_AC) {
		r->verdict = v;
		r->message = run_message(&res, v, errfd, j->time_ms,
		    j->memory_kb);
		goto out;
	}
	if (t->answer == NULL) {
		r->verdict = VERDICT_AC; /* custom input: it ran */
		goto out;
	}
	if (j->chk_argv != NULL) {
		r->verdict = checker_run(j, t, outfd, &r->message);
		goto out;
	}
	out = fs_read_fd(outfd, (size_t)j->output_max, 0, &outlen);
	ans = fs_read_file(t->answer, INPUT_MAX, &anslen);
	if (out == NULL || ans == NULL) {
		r->message = xasprintf("judge error: reading %s",
		    out == NULL ? "output" : "answer");
		goto out;
	} else {
		struct validator_flags f;
		char		       err[256], msg[512];

		if (validator_parse_flags(t->flags, &f, err, sizeof(err)) < 0) {
			r->message = xasprintf("judge error: validator flags: "
					       "%s", err);
			goto out;
		}
		r->verdict = validator_check(ans, anslen, out, outlen, &f, msg,
				 sizeof(msg)) == 1 ?
		    VERDICT_AC :
		    VERDICT_WA;
		if (r->verdict == VERDICT_WA)
			r->message = xstrdup(msg);
	}
out:
	free(out);
	free(ans);
	if (infd >= 0)
		close(infd);
	if (outfd >= 0)
		close(outfd);
	if (errfd >= 0)
		close(errfd);
}

/*** Function problems ***/

struct fn_run {
	struct judge	  *j;
	json_t		  *sig;
	struct lc_type	  *type;     /* of the judged value */
	struct lc_compare_opts opts;
	bool		   ready;
	size_t		   done;     /* records received */
	uint32_t	   prev_cpu; /* usage at the previous record */
	uint32_t	   prev_wall;
	bool		   failed;   /* a test failed (stop unless all) */
	char		  *line;     /* partial line */
	size_t		   linelen;
	size_t		   linecap;
	bool		   protocol_error;
	bool		   oversize; /* a record passed record_max */
	size_t		  *ends;     /* stdin offset where each test ends */
	size_t		   avail;    /* stdin the harness may read so far */
	size_t		   record_max; /* bytes of one record line */
	bool		   stopping; /* asked the box to stop: ignore the rest */
};

/* s[0..*n) without surrounding JSON whitespace; returns the start. */
static const char *
trim_json(const char *s, size_t *n)
{
	while (*n > 0 && (*s == ' ' || *s == '\t' || *s == '\n' ||
	    *s == '\r')) {
		s++;
		(*n)--;
	}
	while (*n > 0 && (s[*n - 1] == ' ' || s[*n - 1] == '\t' ||
	    s[*n - 1] == '\n' || s[*n - 1] == '\r'))
		(*n)--;
	return s;
}

/*
 * The length of the JSON value starting at s (n bytes available): up to
 * the delimiter that ends it at the top level. Only delimits; validity is
 * checked by whoever parses it. 0 when it does not end.
 */
static size_t
json_span(const char *s, size_t n)
{
	size_t i = 0;
	int    depth = 0;

	while (i < n) {
		char c = s[i];

		if (c == '"') {
			for (i++; i < n && s[i] != '"'; i++)
				if (s[i] == '\\')
					i++;
			if (i >= n)
				return 0;
			i++;
			if (depth == 0)
				return i;
		} else if (c == '[' || c == '{') {
			depth++;
			i++;
		} else if (c == ']' || c == '}') {
			if (depth == 0)
				return i;
			i++;
			if (--depth == 0)
				return i;
		} else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' ||
		    c == '\n' || c == '\r' || c == ':')) {
			return i;
		} else {
			i++;
		}
	}
	return depth == 0 ? i : 0;
}

/*
 * Where the value of {"ok":<value>,"stdout":"..."} ends, found from the
 * right: both harnesses write stdout last, and inside that JSON string
 * the pattern cannot occur unescaped, so its last occurrence is the
 * member's start. Returns the value's length, 0 when not found (then the
 * caller delimits the value itself).
 */
static size_t
stdout_tail_span(const char *s, size_t n)
{
	static const char pat[] = ",\"stdout\":\"";
	const size_t	  m = sizeof(pat) - 1;
	size_t		  i;

	for (i = n; i >= m; i--)
		if (s[i - m] == ',' && memcmp(s + i - m, pat, m) == 0)
			return i - m;
	return 0;
}

/*
 * Compare a record's value (its JSON text) with the answer, or leave it
 * to the checker, run after the box. Byte-equal texts are equal under
 * every mode, which spares parsing the common case; otherwise both are
 * parsed and compared by the problem's mode. Sets r->verdict, r->message.
 */
static void
fn_judge_value(struct fn_run *f, size_t i, const char *text, size_t tlen,
    struct judge_test_result *r)
{
	const struct jtest *t = &f->j->tests[i];
	json_t		   *exp = NULL, *got = NULL;
	char		   *ans, err[256], msg[512];
	const char	   *a;
	size_t		    len;

	if (t->answer == NULL || f->j->chk_argv != NULL) {
		r->verdict = VERDICT_AC; /* custom input, or checker later */
		return;
	}
	ans = fs_read_file(t->answer, INPUT_MAX, &len);
	if (ans == NULL) {
		r->verdict = VERDICT_IE;
		r->message = xasprintf("judge error: reading the answer: %s",
		    strerror(errno));
		return;
	}
	a = trim_json(ans, &len);
	text = trim_json(text, &tlen);
	if (len == tlen && memcmp(a, text, len) == 0) {
		r->verdict = VERDICT_AC;
		free(ans);
		return;
	}
	exp = lc_value_parse(a, len, err, sizeof(err));
	free(ans);
	if (exp == NULL) {
		r->verdict = VERDICT_IE;
		r->message = xasprintf("judge error: the answer file: %s", err);
		return;
	}
	got = lc_value_parse(text, tlen, err, sizeof(err));
	if (got == NULL) {
		r->verdict = VERDICT_RE;
		r->message = xasprintf("the harness returned a bad value: %s",
		    err);
		json_decref(exp);
		return;
	}
	switch (lc_compare(exp, got, &f->opts, msg, sizeof(msg))) {
	case 1:
		r->verdict = VERDICT_AC;
		break;
	case 0:
		r->verdict = VERDICT_WA;
		r->message = xstrdup(msg);
		break;
	default:
		r->verdict = VERDICT_IE;
		r->message = xasprintf("judge error: %s", msg);
		break;
	}
	json_decref(exp);
	json_decref(got);
}

/* Handle one complete line from the harness. Returns 1 to stop the box. */
static int
fn_line(struct fn_run *f, const char *line, size_t len,
    const struct sandbox_usage *now, uint32_t *cpu_limit)
{
	struct judge		 *j = f->j;
	struct judge_report	 *rep = j->rep;
	struct judge_test_result *r;
	json_t			 *rec = NULL, *ok, *err, *out;
	char			  perr[256], *vtext = NULL;
	const char		 *value = NULL;
	size_t			  span = 0;

	if (!f->ready) {
		if (len == 5 && memcmp(line, "READY", 5) == 0) {
			/* What ran before READY (the interpreter's start, the
			 * module body, static constructors) is charged to the
			 * first test: user code runs there too, and work done
			 * early must not escape every limit. */
			f->ready = true;
			if (*cpu_limit > j->time_ms)
				*cpu_limit = j->time_ms;
			return 0;
		}
		f->protocol_error = true;
		return 1;
	}
	if (f->done >= j->ntests) {
		f->protocol_error = true;
		return 1;
	}
	r = &rep->tests[f->done];
	/*
	 * {"ok":<value>,"stdout":...}: the value may be megabytes; find its
	 * text, and parse only the small rest of the record here.
	 */
	if (len > 6 && memcmp(line, "{\"ok\":", 6) == 0) {
		span = stdout_tail_span(line + 6, len - 6);
		if (span == 0)
			span = json_span(line + 6, len - 6);
		if (span > 0) {
			char *small = xasprintf("{\"ok\":0%.*s",
			    (int)(len - 6 - span), line + 6 + span);

			rec = lc_value_parse(small, strlen(small), perr,
			    sizeof(perr));
			free(small);
			value = line + 6;
		}
	}
	if (value == NULL)
		rec = lc_value_parse(line, len, perr, sizeof(perr));
	ok = json_object_get(rec, "ok");
	err = json_object_get(rec, "error");
	out = json_object_get(rec, "stdout");
	if (rec == NULL || !json_is_object(rec) || (ok == NULL && err == NULL)) {
		json_decref(rec);
		f->protocol_error = true;
		return 1;
	}
	r->cpu_ms = now->cpu_ms - f->prev_cpu;
	r->wall_ms = now->wall_ms - f->prev_wall;
	r->memory_kb = now->memory_kb;
	f->prev_cpu = now->cpu_ms;
	f->prev_wall = now->wall_ms;
	/* Whatever a record carries besides the value is the program's own
	 * text: kept to what a person reads, never whole. */
	if (json_is_string(out))
		r->stdout_ = xstrndup(json_string_value(out), HARNESS_STDOUT_CAP);
	if (ok != NULL) {
		if (value == NULL) {
			vtext = json_dumps(ok, JSON_COMPACT | JSON_ENCODE_ANY);
			span = vtext != NULL ? strlen(vtext) : 0;
			value = vtext;
		}
		if (value == NULL) {
			r->verdict = VERDICT_IE;
			r->message = xstrdup("judge error: the value");
		} else if (r->cpu_ms > j->time_ms) {
			/* Finished, but past its budget: the kill came late. */
			r->verdict = VERDICT_TLE;
			r->message = xasprintf("time limit %u ms of CPU time",
			    j->time_ms);
		} else {
			fn_judge_value(f, f->done, value, span, r);
		}
		/* Kept whole for a checker, else only what people read. */
		if (value != NULL)
			r->output = xstrndup(value, j->chk_argv == NULL &&
				span > SHOWN_MAX ? SHOWN_MAX : span);
		free(vtext);
	} else {
		r->verdict = VERDICT_RE;
		r->message = json_is_string(err) ?
		    xstrndup(json_string_value(err), RECORD_TEXT_MAX) :
		    xstrdup("runtime error");
	}
	json_decref(rec);
	rep->ntests = ++f->done;
	/* Only now may the harness read the next test: user code never sees
	 * a test it has not reached (nor spends its time on it early). */
	if (f->done < j->ntests)
		f->avail = f->ends[f->done];
	if (j->req->progress != NULL) {
		j->req->progress(j->req->progress_arg, JUDGE_EVENT_TEST_DONE,
		    f->done - 1, j->ntests, r);
		if (f->done < j->ntests)
			j->req->progress(j->req->progress_arg,
			    JUDGE_EVENT_RUNNING, f->done, j->ntests, NULL);
	}
	/* The next test gets its own budget from now. */
	*cpu_limit = now->cpu_ms + j->time_ms;
	if (r->verdict != VERDICT_AC) {
		f->failed = true;
		if (!j->req->run_all)
			return 1;
	}
	return 0;
}

/* The channel callback: split chunks into lines. */
static int
fn_channel(void *arg, const char *buf, size_t len,
    const struct sandbox_usage *now, uint32_t *cpu_limit_ms)
{
	struct fn_run *f = arg;
	const char    *nl;

	/* Records already in the pipe when we asked to stop are ignored. */
	if (f->stopping)
		return 1;
	while (len > 0) {
		size_t take;

		nl = memchr(buf, '\n', len);
		take = nl != NULL ? (size_t)(nl - buf) : len;
		if (f->linelen + take > f->record_max) {
			/* The host keeps and parses each record: bound it. */
			f->oversize = true;
			f->stopping = true;
			return 1;
		}
		if (f->linelen + take + 1 > f->linecap) {
			f->linecap = 2 * (f->linelen + take + 1);
			f->line = xrealloc(f->line, f->linecap);
		}
		memcpy(f->line + f->linelen, buf, take);
		f->linelen += take;
		f->line[f->linelen] = '\0';
		if (nl == NULL)
			return 0;
		buf += take + 1;
		len -= take + 1;
		f->stopping = fn_line(f, f->line, f->linelen, now,
		    cpu_limit_ms) != 0;
		f->linelen = 0;
		if (f->stopping)
			return 1;
	}
	return 0;
}

/* The type of the judged value: the return, or the in-place argument. */
static struct lc_type *
fn_judged_type(json_t *sig)
{
	json_t	   *out = json_object_get(sig, "output");
	json_t	   *pi = json_object_get(out, "paramindex");
	const char *ts;

	if (json_is_integer(pi)) {
		json_t *p = json_array_get(json_object_get(sig, "params"),
		    (size_t)json_integer_value(pi));

		ts = json_string_value(json_object_get(p, "type"));
	} else {
		ts = json_string_value(json_object_get(
		    json_object_get(sig, "return"), "type"));
	}
	return ts != NULL ? lc_type_parse(ts, NULL, 0) : NULL;
}

/*
 * The harness headers, gavel_pch.hpp first, read from the harness dir,
 * then a copy of the user's source named `name` (last).
 */
static struct compile_file *
harness_headers(const char *dir, size_t *n, const char *name,
    const char *src, size_t srclen)
{
	static const char *const names[] = { HARNESS_PCH_HEADER,
		"prelude.hpp", "lc.hpp" };
	struct compile_file	*f = xcalloc(4, sizeof(*f));
	size_t			 i;

	*n = 0;
	for (i = 0; i < 3; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);

		f[*n].data = fs_read_file(path, INPUT_MAX, &f[*n].len);
		free(path);
		if (f[*n].data == NULL)
			continue;
		f[*n].name = names[i];
		(*n)++;
	}
	f[*n].name = name;
	f[*n].data = memcpy(xmalloc(srclen + 1), src, srclen);
	f[*n].len = srclen;
	(*n)++;
	return f;
}

static void
free_headers(struct compile_file *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free((char *)f[i].data);
	free(f);
}

/* Copy the submission's compile figures into the report. */
static void
compile_stats(struct judge *j)
{
	j->rep->compile_wall_ms = j->prog.wall_ms;
	j->rep->compile_cached = j->prog.cached;
	j->rep->compile_pch = j->prog.used_pch;
}

/* Whether the precompiled header is switched off (GAVEL_NO_PCH=1, for
 * measurements and for telling a PCH problem from a source problem). */
static bool
pch_disabled(void)
{
	const char *e = getenv("GAVEL_NO_PCH");

	return e != NULL && e[0] != '\0' && strcmp(e, "0") != 0;
}

/* Compile the submission of a function problem. Returns 0 or -1 (rep set). */
static int
fn_compile(struct judge *j, json_t *sig)
{
	struct compile_request creq;
	struct compile_file   *hdr = NULL;
	size_t		       nhdr = 0;
	char		      *tu = NULL, *err = NULL;
	size_t		       tulen;

	memset(&creq, 0, sizeof(creq));
	creq.lang = j->lang;
	creq.key_extra = "harness";
	if (strcmp(j->lang->harness, "cpp") == 0) {
		tu = harness_cpp_source(sig, j->req->source, j->req->source_len,
		    &tulen, &err);
		if (tu == NULL) {
			j->rep->verdict = VERDICT_IE;
			j->rep->message = xasprintf("harness: %s",
			    err ? err : "?");
			free(err);
			return -1;
		}
		hdr = harness_headers(j->harness_dir, &nhdr, j->lang->source,
		    j->req->source, j->req->source_len);
		/*
		 * The unit is compiled as gavel_tu.cpp; the user's own code
		 * sits beside it as solution.cpp, the name its #line gives,
		 * so the compiler quotes the user's lines in its messages.
		 */
		creq.source = tu;
		creq.source_len = tulen;
		creq.source_name = "gavel_tu.cpp";
		creq.extra = hdr;
		creq.nextra = nhdr;
		if (!pch_disabled()) {
			creq.pch_files = hdr;
			creq.npch_files = nhdr - 1; /* not the user's code */
		}
	} else {
		/* The driver loads the source itself: a SyntaxError there is
		 * the CE (exit 2 before READY). */
		creq.source = j->req->source;
		creq.source_len = j->req->source_len;
		creq.skip_check = true;
	}
	compile_run(&creq, &j->prog);
	compile_stats(j);
	free(tu);
	free_headers(hdr, nhdr);
	return 0;
}

/*
 * Judge a function problem. Returns true when tests ran (the overall
 * verdict is then theirs), false when it ended before (rep->verdict and
 * rep->message say why: CE or IE).
 */
static bool
judge_function(struct judge *j)
{
	struct judge_report  *rep = j->rep;
	struct fn_run	      f;
	struct sandbox_config cfg;
	struct sandbox_result res;
	struct sandbox_bind   binds[2];
	json_t		     *sig;
	json_error_t	      jerr;
	const char	    **inputs;
	char		     *in = NULL, *err = NULL;
	size_t		      inlen = 0, i;
	int		      errfd = -1, outfd = -1;
	enum verdict	      v;
	bool		      ran = false;

	memset(&f, 0, sizeof(f));
	sig = json_loads(j->prob->signature, 0, &jerr);
	if (sig == NULL || harness_signature_check(sig, &err) < 0) {
		rep->verdict = VERDICT_IE;
		rep->message = xasprintf("the problem's signature: %s",
		    err ? err : jerr.text);
		free(err);
		json_decref(sig);
		return false;
	}
	/* Compile first (the CE comes before anything else). */
	if (j->req->progress != NULL)
		j->req->progress(j->req->progress_arg, JUDGE_EVENT_COMPILING,
		    0, j->ntests, NULL);
	if (fn_compile(j, sig) < 0)
		goto out;
	rep->compile_output = j->prog.output ? xstrdup(j->prog.output) : NULL;
	if (j->prog.verdict != VERDICT_AC) {
		rep->verdict = j->prog.verdict;
		rep->message = sdup_or_null(j->prog.message);
		goto out;
	}
	if (j->prob->checker_dir != NULL && checker_prepare(j) < 0) {
		rep->verdict = VERDICT_IE;
		goto out;
	}

	inputs = xcalloc(j->ntests + 1, sizeof(*inputs));
	for (i = 0; i < j->ntests; i++) {
		inputs[i] = fs_read_file(j->tests[i].input, INPUT_MAX, NULL);
		if (inputs[i] == NULL) {
			rep->verdict = VERDICT_IE;
			rep->message = xasprintf("reading %s: %s",
			    j->tests[i].input, strerror(errno));
			break;
		}
	}
	in = rep->message == NULL ?
	    harness_stdin(sig, inputs, j->ntests, &inlen, &err) : NULL;
	for (i = 0; i < j->ntests; i++)
		free((char *)inputs[i]);
	free(inputs);
	if (in == NULL) {
		if (rep->message == NULL) {
			rep->verdict = VERDICT_IE;
			rep->message = xasprintf("test input: %s",
			    err ? err : "?");
		}
		free(err);
		goto out;
	}
	/* Where each test's lines end: the header (signature and count) is
	 * two lines, then each test has one line per parameter. */
	{
		size_t nparams = json_object_get(sig, "classname") != NULL ?
		    2 : json_array_size(json_object_get(sig, "params"));
		size_t lines = 0, t = 0, k;

		f.ends = xcalloc(j->ntests ? j->ntests : 1, sizeof(size_t));
		for (k = 0; k < inlen && t < j->ntests; k++) {
			if (in[k] != '\n')
				continue;
			lines++;
			if (lines >= 2 && (lines - 2) == (t + 1) * nparams)
				f.ends[t++] = k + 1;
		}
		while (t < j->ntests)
			f.ends[t++] = inlen;
		f.avail = j->ntests ? f.ends[0] : inlen;
	}
	errfd = memfd_create("gavel-err", MFD_CLOEXEC);
	outfd = memfd_create("gavel-out", MFD_CLOEXEC);
	if (errfd < 0 || outfd < 0) {
		rep->verdict = VERDICT_IE;
		rep->message = xasprintf("memfd: %s", strerror(errno));
		goto out;
	}

	f.j = j;
	f.sig = sig;
	f.type = fn_judged_type(sig);
	f.opts.type = f.type;
	f.opts.tolerance = j->prob->tolerance;
	f.opts.mode = LC_EXACT;
	if (j->prob->compare_mode != NULL &&
	    lc_mode_parse(j->prob->compare_mode, &f.opts.mode) < 0) {
		rep->verdict = VERDICT_IE;
		rep->message = xasprintf("unknown compare mode %s",
		    j->prob->compare_mode);
		goto out;
	}
	memset(&cfg, 0, sizeof(cfg));
	binds[0] = (struct sandbox_bind){ j->prog.dir, "/prog", false };
	binds[1] = (struct sandbox_bind){ j->harness_dir, HARNESS_DIR_INSIDE,
		false };
	cfg.argv = (const char *const *)j->lang->harness_run;
	cfg.binds = binds;
	cfg.nbinds = 2;
	sandbox_limits_default(&cfg.limits);
	cfg.limits.cpu_ms = STARTUP_MS + j->time_ms;
	/* The safety net of the whole run: every test at its limit, twice
	 * over (the callback moves only the CPU limit). */
	cfg.limits.wall_ms = 2 * (STARTUP_MS + (uint32_t)j->ntests *
	    j->time_ms) + 2000;
	cfg.limits.memory_kb = j->memory_kb;
	cfg.limits.stdout_max = j->output_max;
	cfg.limits.stderr_max = STDERR_MAX;
	cfg.stdin_fd = -1;
	cfg.stdin_buf = in;
	cfg.stdin_len = inlen;
	cfg.stdin_avail = &f.avail;
	cfg.stdout_fd = outfd;
	cfg.stderr_fd = errfd;
	cfg.channel = fn_channel;
	cfg.channel_arg = &f;
	f.record_max = (size_t)j->output_max + 2 * HARNESS_STDOUT_CAP + 4096;
	/* A test that sleeps or blocks ends at three times its limit, not at
	 * the end of the whole run's safety net. */
	cfg.channel_wall_ms = STARTUP_MS + 3 * j->time_ms + 1000;
	cfg.channel_max = (uint64_t)j->ntests * (j->output_max +
	    2 * HARNESS_STDOUT_CAP) + 4096;
	if (j->req->progress != NULL)
		j->req->progress(j->req->progress_arg, JUDGE_EVENT_RUNNING, 0,
		    j->ntests, NULL);
	sandbox_run(&cfg, &res);
	ran = true;
	rep->run_cpu_ms = res.cpu_ms;
	rep->run_wall_ms = res.wall_ms;

	v = verdict_classify_run(&res, j->memory_kb);
	if (f.oversize) {
		struct judge_test_result *r = &rep->tests[f.done < j->ntests ?
							  f.done :
							  j->ntests - 1];

		r->verdict = VERDICT_OLE;
		free(r->message);
		r->message = xasprintf("a result passed %zu bytes",
		    f.record_max);
		rep->ntests = (f.done < j->ntests ? f.done : j->ntests - 1) + 1;
	} else if (f.protocol_error) {
		/* The user's code wrote to fd 3 itself, or broke the
		 * harness: its doing, never a verdict it could forge. */
		struct judge_test_result *r = &rep->tests[f.done];

		if (f.done < j->ntests) {
			r->verdict = VERDICT_RE;
			r->message = xstrdup("the program corrupted the "
					     "harness's result channel");
			rep->ntests = f.done + 1;
		}
	} else if (res.stopped) {
		/* We stopped it at the first failure. */
	} else if (!f.ready && res.status == SANDBOX_EXITED &&
	    res.exit_code == HARNESS_EXIT_COMPILE) {
		rep->verdict = VERDICT_CE;
		rep->message = xstrdup("compilation failed");
		free(rep->compile_output);
		rep->compile_output = fs_read_fd(errfd, (size_t)
		    j->lang->compile_output_kb * 1024, 0, NULL);
		rep->ntests = 0;
		ran = false;
		goto out;
	} else if (f.done < j->ntests) {
		/* Exit codes are not trusted for IE: user code runs before
		 * READY (a module body, static constructors) and can exit with
		 * the harness's own codes. A harness that refuses its input
		 * (HARNESS_EXIT_MISUSE) so ends as RE with its message; the
		 * catalog's tests are checked when they are made. */
		/* It ended before answering the current test. */
		struct judge_test_result *r = &rep->tests[f.done];

		if (v == VERDICT_AC)
			v = VERDICT_RE;
		r->verdict = v;
		r->cpu_ms = res.cpu_ms - f.prev_cpu;
		r->wall_ms = res.wall_ms - f.prev_wall;
		r->memory_kb = res.memory_kb;
		r->message = run_message(&res, v, errfd, j->time_ms,
		    j->memory_kb);
		if (v == VERDICT_RE && res.status == SANDBOX_OK)
			test_result_set_message(r, xstrdup("the program "
			    "exited before returning"));
		rep->ntests = f.done + 1;
	}

	/* The checker, for what the harness returned. */
	if (j->chk_argv != NULL) {
		for (i = 0; i < rep->ntests; i++) {
			struct judge_test_result *r = &rep->tests[i];
			char			 *msg = NULL, *line;
			int			  ofd;

			if (r->verdict != VERDICT_AC || r->output == NULL ||
			    j->tests[i].answer == NULL)
				continue;
			/* The returned value on one line, as the checker
			 * interface of function problems says. */
			line = xasprintf("%s\n", r->output);
			ofd = memfd_with("gavel-val", line, strlen(line));
			free(line);
			if (ofd < 0) {
				r->verdict = VERDICT_IE;
				continue;
			}
			r->verdict = checker_run(j, &j->tests[i], ofd, &msg);
			close(ofd);
			test_result_set_message(r, msg);
			if (r->verdict != VERDICT_AC && !j->req->run_all) {
				rep->ntests = i + 1;
				break;
			}
		}
	}
out:
	free(in);
	free(f.ends);
	if (errfd >= 0)
		close(errfd);
	if (outfd >= 0)
		close(outfd);
	free(f.line);
	lc_type_free(f.type);
	json_decref(sig);
	return ran;
}

/*** The whole ***/

/* Whether a stdio C++ source starts with <bits/stdc++.h>, so that the
 * precompiled copy of that header can be put first without changing it. */
static bool
starts_with_stdcpp(const char *s, size_t len)
{
	const char *end = s + len;

	for (;;) {
		while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' ||
		    *s == '\r'))
			s++;
		if (end - s >= 2 && s[0] == '/' && s[1] == '/') {
			while (s < end && *s != '\n')
				s++;
		} else if (end - s >= 2 && s[0] == '/' && s[1] == '*') {
			const char *c = memmem(s + 2, (size_t)(end - s - 2),
			    "*/", 2);

			if (c == NULL)
				return false;
			s = c + 2;
		} else {
			break;
		}
	}
	return (size_t)(end - s) >= 24 &&
	    memcmp(s, "#include <bits/stdc++.h>", 24) == 0;
}

/* Judge a stdin/stdout problem; returns as judge_function() does. */
static bool
judge_stdio(struct judge *j)
{
	struct judge_report   *rep = j->rep;
	struct compile_request creq;
	struct compile_file    pch = { "gavel_pch.hpp",
		   "#include <bits/stdc++.h>\n", 25 };
	size_t		       i;

	if (j->req->progress != NULL)
		j->req->progress(j->req->progress_arg, JUDGE_EVENT_COMPILING,
		    0, j->ntests, NULL);
	memset(&creq, 0, sizeof(creq));
	creq.lang = j->lang;
	creq.source = j->req->source;
	creq.source_len = j->req->source_len;
	if (j->lang->pch_header != NULL &&
	    strcmp(j->lang->pch_header, pch.name) == 0 && !pch_disabled() &&
	    starts_with_stdcpp(j->req->source, j->req->source_len)) {
		creq.pch_files = &pch;
		creq.npch_files = 1;
	}
	compile_run(&creq, &j->prog);
	compile_stats(j);
	rep->compile_output = j->prog.output ? xstrdup(j->prog.output) : NULL;
	if (j->prog.verdict != VERDICT_AC) {
		rep->verdict = j->prog.verdict;
		rep->message = sdup_or_null(j->prog.message);
		return false;
	}
	if (j->prob->checker_dir != NULL && checker_prepare(j) < 0) {
		rep->verdict = VERDICT_IE;
		return false;
	}
	for (i = 0; i < j->ntests; i++) {
		struct judge_test_result *r = &rep->tests[i];

		if (j->req->progress != NULL)
			j->req->progress(j->req->progress_arg,
			    JUDGE_EVENT_RUNNING, i, j->ntests, NULL);
		judge_stdio_test(j, i, r);
		rep->ntests = i + 1;
		if (j->req->progress != NULL)
			j->req->progress(j->req->progress_arg,
			    JUDGE_EVENT_TEST_DONE, i, j->ntests, r);
		if (r->verdict != VERDICT_AC && !j->req->run_all)
			break;
	}
	return true;
}

/* Write custom cases into a scratch dir and point the tests at them. */
static int
setup_cases(struct judge *j)
{
	const struct judge_request *req = j->req;
	size_t			    i;
	int			    dfd;

	j->scratch = compile_tmpdir("s-", 0755);
	if (j->scratch == NULL)
		return -1;
	dfd = open(j->scratch, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (dfd < 0)
		return -1;
	j->ntests = req->ncases;
	j->tests = xcalloc(req->ncases + 1, sizeof(*j->tests));
	for (i = 0; i < req->ncases; i++) {
		char *in = xasprintf("%zu.in", i), *ans = xasprintf("%zu.ans", i);
		const char *itext = req->cases[i].input ? req->cases[i].input :
							  "";

		if (fs_write_new(dfd, in, itext, strlen(itext), 0644) < 0 ||
		    (req->cases[i].answer != NULL &&
			fs_write_new(dfd, ans, req->cases[i].answer,
			    strlen(req->cases[i].answer), 0644) < 0)) {
			free(in);
			free(ans);
			close(dfd);
			return -1;
		}
		j->tests[i].name = "custom";
		j->tests[i].input = xasprintf("%s/%s", j->scratch, in);
		j->tests[i].answer = req->cases[i].answer ?
		    xasprintf("%s/%s", j->scratch, ans) : NULL;
		j->tests[i].flags = j->prob->validator_flags;
		j->tests[i].shown = true;
		free(in);
		free(ans);
	}
	close(dfd);
	return 0;
}

int
judge_run(const struct judge_request *req, struct judge_report *rep)
{
	const struct lang_table *tab;
	struct judge		 j;
	char			 err[512], *drv;
	enum verdict		*vs;
	size_t			 i;
	int			 rc = -1;
	bool			 ran;

	memset(rep, 0, sizeof(*rep));
	memset(&j, 0, sizeof(j));
	rep->first_failed = -1;
	rep->verdict = VERDICT_IE;
	j.req = req;
	j.rep = rep;
	tab = lang_table_default();
	if (tab == NULL) {
		rep->message = xstrdup("the language table cannot be loaded");
		return -1;
	}
	j.lang = lang_find(tab, req->language);
	if (j.lang == NULL) {
		rep->message = xasprintf("unknown language %s",
		    req->language ? req->language : "(none)");
		return -1;
	}
	if (req->source == NULL) {
		rep->message = xstrdup("no source");
		return -1;
	}
	if (problem_load(req->problem_dir, &j.prob, err, sizeof(err)) < 0) {
		rep->message = xstrdup(err);
		return -1;
	}
	if (j.prob->kind == PROBLEM_FUNCTION) {
		if (j.lang->harness == NULL) {
			rep->message = xasprintf("%s cannot be used for "
						 "function problems",
			    j.lang->name);
			goto out;
		}
		drv = judge_data_file("harness/" HARNESS_PY_DRIVER);
		if (drv == NULL) {
			rep->message = xstrdup("the harness files are missing "
					       "(set GAVEL_DATA_DIR)");
			goto out;
		}
		*strrchr(drv, '/') = '\0';
		j.harness_dir = drv;
	}

	/* The tests. */
	if (req->cases != NULL) {
		if (setup_cases(&j) < 0) {
			rep->message = xasprintf("custom cases: %s",
			    strerror(errno));
			rep->verdict = VERDICT_IE;
			rc = 0;
			goto out;
		}
	} else {
		j.ntests = req->samples_only ? j.prob->nsamples :
					       j.prob->ntests;
		j.tests = xcalloc(j.ntests + 1, sizeof(*j.tests));
		for (i = 0; i < j.ntests; i++) {
			const struct problem_test *t = &j.prob->tests[i];

			j.tests[i].name = t->name;
			j.tests[i].input = t->input;
			j.tests[i].answer = t->answer;
			j.tests[i].flags = t->validator_flags ?
			    t->validator_flags : j.prob->validator_flags;
			j.tests[i].shown = t->sample;
		}
	}
	rep->total_tests = j.ntests;
	rep->tests = xcalloc(j.ntests + 1, sizeof(*rep->tests));

	/* The limits. */
	j.time_ms = req->time_ms ? req->time_ms : j.prob->time_ms;
	if (j.time_ms == 0)
		j.time_ms = PROBLEM_KATTIS_DEFAULT_TIME_MS;
	j.time_ms = (uint32_t)(j.time_ms * j.lang->time_multiplier + 0.5);
	j.memory_kb = j.prob->memory_kb +
	    (uint64_t)j.lang->memory_extra_mb * 1024;
	j.output_max = j.prob->output_kb * 1024;

	rc = 0;
	ran = j.prob->kind == PROBLEM_FUNCTION ? judge_function(&j) :
						 judge_stdio(&j);
	if (ran) {
		vs = xcalloc(rep->ntests + 1, sizeof(*vs));
		for (i = 0; i < rep->ntests; i++) {
			vs[i] = rep->tests[i].verdict;
			if (rep->tests[i].cpu_ms > rep->max_cpu_ms)
				rep->max_cpu_ms = rep->tests[i].cpu_ms;
			if (rep->tests[i].memory_kb > rep->max_memory_kb)
				rep->max_memory_kb = rep->tests[i].memory_kb;
		}
		rep->verdict = verdict_overall(vs, rep->ntests,
		    &rep->first_failed);
		free(vs);
	}
out:
	if (req->cases != NULL && j.tests != NULL) {
		for (i = 0; i < j.ntests; i++) {
			free((char *)j.tests[i].input);
			free((char *)j.tests[i].answer);
		}
	}
	compile_tmpdir_remove(j.scratch);
	free(j.scratch);
	free(j.tests);
	free(j.harness_dir);
	compile_result_free(&j.prog);
	compile_result_free(&j.chk);
	lang_argv_free(j.chk_argv);
	problem_free(j.prob);
	return rc;
}

void
judge_report_free(struct judge_report *rep)
{
	size_t i;

	if (rep == NULL)
		return;
	for (i = 0; rep->tests != NULL && i < rep->total_tests; i++) {
		free(rep->tests[i].output);
		free(rep->tests[i].stdout_);
		free(rep->tests[i].message);
	}
	free(rep->tests);
	free(rep->compile_output);
	free(rep->message);
	memset(rep, 0, sizeof(*rep));
	rep->first_failed = -1;
}
