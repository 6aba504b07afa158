/*
 * server/server.c -- start-up, the catalog re-sync thread, GET
 * /api/health, and shutdown on SIGTERM/SIGINT; see server.h.
 *
 * Signals: SIGTERM and SIGINT are blocked before any thread starts, so
 * every thread inherits the mask and only the main thread, in sigwait(),
 * ever sees them. After the first one it restores their default action:
 * a second signal ends the process at once, and the judging it cut short
 * is re-queued on the next start.
 */
#include "server/server.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "server/app.h"
#include "server/authoring.h"
#include "server/catalog.h"
#include "server/http.h"
#include "server/hub.h"
#include "server/queue.h"
#include "util/log.h"
#include "util/xalloc.h"

void
server_config_defaults(struct server_config *cfg)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);

	memset(cfg, 0, sizeof(*cfg));
	cfg->bind = "127.0.0.1";
	cfg->port = 8080;
	cfg->db_path = "gavel.db";
#ifdef GAVEL_SOURCE_ROOT
	cfg->problems_dir = GAVEL_SOURCE_ROOT "/problems";
	cfg->web_dir = GAVEL_SOURCE_ROOT "/web/dist";
#else
	cfg->problems_dir = "problems";
	cfg->web_dir = "web/dist";
#endif
	cfg->workers = ncpu > 0 ? (int)ncpu : 1;
	cfg->max_queue = 1000;
	cfg->max_per_client = 200;
	cfg->max_client_runs = 4;
	cfg->max_runs = 0; /* 0: twice the workers */
	cfg->max_code = (size_t)64 * 1024;
	cfg->max_input = (size_t)64 * 1024;
	cfg->max_connections = 512;
	cfg->max_per_ip = 128;
	cfg->timeout_s = 30;
	cfg->rescan_s = 10;
	cfg->max_upload = (size_t)32 << 20;
	cfg->session_days = 14;
	cfg->rate_runs = 30;
	cfg->rate_submissions = 10;
	cfg->pwhash_cost = "interactive";
}

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct MHD_Response *
api_health(struct request *rq)
{
	struct app *app = rq->app;
	int64_t	    q, r, d;

	if (store_submission_counts(app->store, &q, &r, &d) != STORE_OK)
		return reply_error(rq, 503, "internal", "the database failed");
	return reply_json(rq, 200,
	    json_pack("{s:s,s:I,s:I,s:I,s:i,s:i,s:i,s:I,s:s}", "status", "ok",
		"queued", (json_int_t)q, "running", (json_int_t)r, "done",
		(json_int_t)d, "workers", app->cfg->workers, "judging",
		queue_busy(app->queue), "schema",
		store_schema_version(app->store), "uptime_ms",
		(json_int_t)(now_ms() - app->started_ms), "storage",
		store_disk_full(app->store) ? "full" : "ok"));
}

/*** Catalog re-sync ********************************************************/

struct rescan {
	struct app     *app;
	pthread_t	thread;
	pthread_mutex_t lock;
	pthread_cond_t	cond;
	bool		stop;
};

static void *
rescan_loop(void *arg)
{
	struct rescan	    *rs = arg;
	struct catalog_stats cs;
	struct timespec	     dl;

	pthread_mutex_lock(&rs->lock);
	while (!rs->stop) {
		clock_gettime(CLOCK_REALTIME, &dl);
		dl.tv_sec += rs->app->cfg->rescan_s;
		pthread_cond_timedwait(&rs->cond, &rs->lock, &dl);
		if (rs->stop)
			break;
		pthread_mutex_unlock(&rs->lock);
		catalog_sync(rs->app->store, rs->app->roots, rs->app->nroots,
		    &cs);
		pthread_mutex_lock(&rs->lock);
	}
	pthread_mutex_unlock(&rs->lock);
	return NULL;
}

/*
 * The authored root: --authored, or "authored" beside the database.
 * Made if missing. Its real path (caller frees), or NULL (logged).
 */
static char *
authored_root(const struct server_config *cfg)
{
	const char *slash;
	char	   *dir, *real;

	if (cfg->authored_dir != NULL)
		dir = xstrdup(cfg->authored_dir);
	else if ((slash = strrchr(cfg->db_path, '/')) != NULL)
		dir = xasprintf("%.*s/authored",
		    (int)(slash - cfg->db_path) + (slash == cfg->db_path),
		    cfg->db_path);
	else
		dir = xstrdup("authored");
	real = authoring_open_root(dir);
	if (real == NULL)
		log_warnx("serve: cannot use %s for authored problems (see "
			  "--authored)",
		    dir);
	free(dir);
	return real;
}

/* The catalog's roots: the bundled problems, then the authored ones. */
static size_t
catalog_roots(const struct server_config *cfg, const char *authored,
    struct catalog_root *roots)
{
	roots[0] = (struct catalog_root){ cfg->problems_dir, false };
	roots[1] = (struct catalog_root){ authored, true };
	return 2;
}

int
server_check(const struct server_config *cfg)
{
	struct store	    *st;
	struct catalog_stats cs;
	struct catalog_root  roots[2];
	char		    *authored;
	int64_t		     q, r, d;
	int		     rc = 1;

	if ((st = store_open(cfg->db_path)) == NULL) {
		fprintf(stderr, "gavel serve: cannot open %s\n", cfg->db_path);
		return 1;
	}
	if ((authored = authored_root(cfg)) == NULL) {
		store_close(st);
		return 1;
	}
	if (catalog_sync(st, roots, catalog_roots(cfg, authored, roots),
		&cs) != 0) {
		fprintf(stderr, "gavel serve: cannot read %s\n",
		    cfg->problems_dir);
	} else if (store_submission_counts(st, &q, &r, &d) == STORE_OK) {
		rc = cs.failed > 0 ? 1 : 0;
		printf("database %s: schema %d, %lld queued, %lld running, "
		       "%lld done\ncatalog %s and %s: %zu problems (%zu "
		       "invalid)\n%s\n",
		    cfg->db_path, store_schema_version(st), (long long)q,
		    (long long)r, (long long)d, cfg->problems_dir, authored,
		    cs.seen, cs.failed,
		    rc == 0 ? "configuration OK"
			    : "invalid problems (see above): not OK");
	}
	free(authored);
	store_close(st);
	return rc;
}

/*** Run ********************************************************************/

int
server_run(const struct server_config *cfg_in)
{
	struct server_config cfg = *cfg_in;
	struct app	     app;
	struct catalog_stats cs;
	struct rescan	     rs;
	struct http	    *http = NULL;
	sigset_t	     sigs;
	char		     real[PATH_MAX];
	uint16_t	     port = 0;
	size_t		     requeued = 0;
	enum cred_cost	     cost;
	int		     sig = 0, rc = 1, hashing;
	bool		     rescanning = false;

	if (cfg.workers < 1)
		cfg.workers = 1;
	if (cfg.max_runs <= 0)
		cfg.max_runs = 2 * cfg.workers;
	memset(&app, 0, sizeof(app));
	memset(&rs, 0, sizeof(rs));
	app.cfg = &cfg;
	app.started_ms = now_ms();
	atomic_init(&app.runs, 0);

	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (cred_cost_parse(cfg.pwhash_cost, &cost) != 0) {
		log_warnx("serve: --pwhash-cost must be interactive, moderate "
			  "or min, not %s", cfg.pwhash_cost);
		goto out;
	}
	if (cost == CRED_COST_MIN)
		log_info("auth: --pwhash-cost min: passwords are hashed "
			 "cheaply (for tests only)");
	/* Each Argon2 hash holds 64 MiB: a few at once. */
	hashing = cfg.workers < 2 ? 2 : cfg.workers > 4 ? 4 : cfg.workers;
	if (cred_init(cost, hashing, true) != 0)
		goto out;
	auth_init(&app);
	if ((app.store = store_open(cfg.db_path)) == NULL) {
		log_warnx("serve: cannot open the database %s", cfg.db_path);
		goto out;
	}
	if ((app.authored = authored_root(&cfg)) == NULL)
		goto out;
	app.nroots = catalog_roots(&cfg, app.authored, app.roots);
	if (catalog_sync(app.store, app.roots, app.nroots, &cs) != 0) {
		log_warnx("serve: cannot import the catalog %s",
		    cfg.problems_dir);
		goto out;
	}
	log_info("catalog: %zu problems in %s and %s (%zu imported, %zu "
		 "invalid, %zu retired)",
	    cs.seen, cfg.problems_dir, app.authored, cs.changed, cs.failed,
	    cs.retired);
	if (store_submission_requeue_running(app.store, &requeued) != STORE_OK)
		goto out;
	if (requeued > 0)
		log_info("queue: %zu interrupted submission(s) re-queued",
		    requeued);
	if (cfg.web_dir != NULL && realpath(cfg.web_dir, real) != NULL) {
		struct stat st;
		char	   *index = xasprintf("%s/index.html", real);

		if (stat(index, &st) == 0)
			app.web_root = xstrdup(real);
		free(index);
	}
	if (app.web_root == NULL)
		log_info("web: no built UI in %s; serving the API only",
		    cfg.web_dir ? cfg.web_dir : "(none)");

	app.hub = hub_new(5000);
	app.runners = clients_new();
	app.queue = queue_start(&app, cfg.workers);
	if ((http = http_start(&app, &port)) == NULL)
		goto out;
	if (cfg.rescan_s > 0) {
		rs.app = &app;
		pthread_mutex_init(&rs.lock, NULL);
		pthread_cond_init(&rs.cond, NULL);
		if (pthread_create(&rs.thread, NULL, rescan_loop, &rs) == 0)
			rescanning = true;
	}
	log_info("serving on http://%s%s%s:%u (%d workers, database %s, "
		 "web %s)",
	    strchr(cfg.bind, ':') ? "[" : "", cfg.bind,
	    strchr(cfg.bind, ':') ? "]" : "", (unsigned)port, cfg.workers,
	    cfg.db_path, app.web_root ? app.web_root : "none");

	while (sigwait(&sigs, &sig) != 0)
		;
	log_info("serve: %s: stopping (judging in progress finishes; a "
		 "second signal exits at once)",
	    strsignal(sig));
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	pthread_sigmask(SIG_UNBLOCK, &sigs, NULL);

	http_quiesce(http);
	queue_stop_async(app.queue);
	hub_shutdown(app.hub);
	rc = 0;
out:
	if (rescanning) {
		pthread_mutex_lock(&rs.lock);
		rs.stop = true;
		pthread_cond_signal(&rs.cond);
		pthread_mutex_unlock(&rs.lock);
		pthread_join(rs.thread, NULL);
		pthread_cond_destroy(&rs.cond);
		pthread_mutex_destroy(&rs.lock);
	}
	if (app.hub != NULL)
		hub_shutdown(app.hub);
	http_stop(http);
	queue_stop(app.queue);
	clients_free(app.runners);
	auth_fini(&app);
	hub_free(app.hub);
	store_close(app.store);
	free(app.web_root);
	free(app.authored);
	if (rc == 0)
		log_info("serve: stopped cleanly");
	return rc;
}
