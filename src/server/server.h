/*
 * server/server.h -- `gavel serve`: the HTTP API, the web UI, and the
 * judging workers, in one process.
 *
 * server_run() opens the store, imports the catalog, re-queues judging
 * that a previous process left unfinished, starts the workers and the
 * HTTP daemon, and serves until SIGTERM or SIGINT. Then it stops
 * accepting, ends event streams, lets judging in progress finish (a
 * second signal exits at once: that judging is re-queued on the next
 * start) and returns.
 */
#ifndef GAVEL_SERVER_SERVER_H
#define GAVEL_SERVER_SERVER_H

#include <stddef.h>
#include <stdint.h>

#include "server/clientaddr.h"

struct server_config {
	const char *bind;	     /* IPv4 or IPv6 address to listen on */
	uint16_t    port;	     /* 0: any free port (logged) */
	const char *db_path;	     /* SQLite file */
	const char *problems_dir;    /* the catalog */
	const char *authored_dir;    /* admins' problems; NULL: <db dir>/authored */
	const char *web_dir;	     /* built web UI; NULL or missing: API only */
	int	    workers;	     /* judging threads (>= 1) */
	int64_t	    max_queue;	     /* queued submissions before 429 */
	int64_t	    max_per_client;  /* one client's unfinished submissions */
	int	    max_client_runs; /* one client's concurrent /api/run */
	int	    max_runs;	     /* concurrent /api/run, all clients */
	size_t	    max_code;	     /* bytes of code */
	size_t	    max_input;	     /* bytes of custom input */
	int	    max_connections; /* open connections */
	int	    max_per_ip;	     /* open connections from one address */
	struct proxies trusted;	     /* whose X-Forwarded-For is believed */
	int	    timeout_s;	     /* idle connection timeout */
	int	    rescan_s;	     /* catalog re-sync period; 0: never */
	int	    session_days;    /* session lifetime */
	int	    session_ttl_s;   /* overrides session_days if > 0 (tests) */
	int	    secure_cookies;  /* cookies get Secure (served over TLS) */
	int	    no_register;     /* POST /api/auth/register is refused */
	int	    rate_runs;	     /* /api/run per user a minute; 0: no limit */
	int	    rate_submissions; /* submissions per user a minute; 0: none */
	const char *pwhash_cost;     /* "interactive", "moderate" or "min" */
	size_t	    max_upload;	     /* bytes of an admin route's body */
};

/* The defaults, as the flags document them (workers: one per core). */
void server_config_defaults(struct server_config *cfg);

/*
 * `gavel serve -n`: open (and migrate) the database, import the catalog,
 * print what was found. 0 when everything is usable.
 */
int server_check(const struct server_config *cfg);

/* Serve until a signal. 0 after a clean shutdown, 1 on start-up failure. */
int server_run(const struct server_config *cfg);

#endif
