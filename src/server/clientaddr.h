/*
 * server/clientaddr.h -- who a request comes from: the client's address
 * behind trusted reverse proxies, and the key its per-address limits
 * count under.
 *
 * The TCP peer is the client unless it is a trusted proxy (`gavel serve
 * --trusted-proxy`). Then X-Forwarded-For is read from the right, past
 * the addresses of trusted proxies, and the first address that is not one
 * is the client: each proxy appends the address it saw, so everything to
 * the left of the last untrusted hop is whatever the client chose to send.
 * A missing or malformed header (any hop that is not a bare IP address)
 * leaves the peer as the client. An untrusted peer's header is ignored.
 *
 * Limits count per key, not per address: an IPv4 address is its own key,
 * an IPv6 address counts under its /64 (one host usually holds a whole
 * /64), and an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is the IPv4
 * address throughout.
 */
#ifndef GAVEL_SERVER_CLIENTADDR_H
#define GAVEL_SERVER_CLIENTADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

/* An address; IPv4 in the first 4 bytes. Mapped IPv6 is stored as IPv4. */
struct ipaddr {
	int           family; /* AF_INET or AF_INET6 */
	unsigned char b[16];
};

/* The text of an address or a key, with its NUL. */
#define IPADDR_TEXT_MAX 64

#define PROXIES_MAX 32

/* The trusted proxies: networks, each an address and a prefix length. */
struct proxies {
	struct {
		struct ipaddr net;
		int           bits;
	} net[PROXIES_MAX];
	size_t n;
};

/* Parse the len bytes at s as a bare IPv4 or IPv6 address. */
bool ip_parse(const char *s, size_t len, struct ipaddr *a);
/* The address of a socket (AF_INET or AF_INET6): false for others. */
bool ip_from_sockaddr(const struct sockaddr *sa, struct ipaddr *a);
/* The full address as text: "192.0.2.1", "2001:db8::1". */
void ip_text(const struct ipaddr *a, char *buf, size_t n);
/* Its limit key: "192.0.2.1", "2001:db8:1:2::/64". */
void ip_key(const struct ipaddr *a, char *buf, size_t n);

/*
 * Add "ADDR" or "ADDR/PREFIX" (IPv4 or IPv6) to p: 0, or -1 with *why
 * saying what is wrong with text (a static string).
 */
int proxies_add(struct proxies *p, const char *text, const char **why);
/* Whether a lies in one of p's networks. */
bool proxies_trust(const struct proxies *p, const struct ipaddr *a);

/*
 * The client of a request from peer with X-Forwarded-For xff (NULL when
 * absent; several headers joined with commas, in order): see above.
 */
struct ipaddr ip_client(const struct proxies *p, const struct ipaddr *peer,
			const char *xff);

#endif
