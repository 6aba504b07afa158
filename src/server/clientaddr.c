/*
 * server/clientaddr.c -- the client's address behind trusted proxies,
 * and per-address limit keys; see clientaddr.h.
 *
 * Addresses are parsed with inet_pton only: no names, ports, brackets,
 * zone ids or surrounding blanks. An IPv4-mapped IPv6 address becomes
 * the IPv4 address as soon as it is parsed, so a dual-stack socket's
 * ::ffff:127.0.0.1 matches --trusted-proxy 127.0.0.1 and counts under
 * the same key as 127.0.0.1.
 */
#include "server/clientaddr.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Make a mapped IPv6 address (::ffff:a.b.c.d) the IPv4 one. */
static void
unmap(struct ipaddr *a)
{
	static const unsigned char zeros[10];

	if (a->family != AF_INET6 || memcmp(a->b, zeros, 10) != 0 ||
	    a->b[10] != 0xff || a->b[11] != 0xff)
		return;
	memmove(a->b, a->b + 12, 4);
	memset(a->b + 4, 0, 12);
	a->family = AF_INET;
}

bool
ip_parse(const char *s, size_t len, struct ipaddr *a)
{
	char text[INET6_ADDRSTRLEN];

	memset(a, 0, sizeof(*a));
	if (len == 0 || len >= sizeof(text))
		return false;
	memcpy(text, s, len);
	text[len] = '\0';
	if (inet_pton(AF_INET, text, a->b) == 1)
		a->family = AF_INET;
	else if (inet_pton(AF_INET6, text, a->b) == 1)
		a->family = AF_INET6;
	else
		return false;
	unmap(a);
	return true;
}

bool
ip_from_sockaddr(const struct sockaddr *sa, struct ipaddr *a)
{
	const struct sockaddr_in  *v4 = (const void *)sa;
	const struct sockaddr_in6 *v6 = (const void *)sa;

	memset(a, 0, sizeof(*a));
	if (sa == NULL)
		return false;
	if (sa->sa_family == AF_INET) {
		memcpy(a->b, &v4->sin_addr, 4);
		a->family = AF_INET;
	} else if (sa->sa_family == AF_INET6) {
		memcpy(a->b, &v6->sin6_addr, 16);
		a->family = AF_INET6;
		unmap(a);
	} else {
		return false;
	}
	return true;
}

void
ip_text(const struct ipaddr *a, char *buf, size_t n)
{
	if (a->family != AF_INET && a->family != AF_INET6) {
		snprintf(buf, n, "?");
		return;
	}
	if (inet_ntop(a->family, a->b, buf, (socklen_t)n) == NULL)
		snprintf(buf, n, "?");
}

void
ip_key(const struct ipaddr *a, char *buf, size_t n)
{
	struct ipaddr net = *a;
	size_t        len;

	if (a->family != AF_INET6) {
		ip_text(a, buf, n);
		return;
	}
	/* One host usually holds a whole /64: it is one key. */
	memset(net.b + 8, 0, 8);
	ip_text(&net, buf, n);
	len = strlen(buf);
	snprintf(buf + len, n - len, "/64");
}

/*** Trusted proxies ********************************************************/

/* Whether a and net agree on their first bits. */
static bool
prefix_match(const struct ipaddr *a, const struct ipaddr *net, int bits)
{
	int           whole = bits / 8, rest = bits % 8;
	unsigned char mask;

	if (a->family != net->family)
		return false;
	if (memcmp(a->b, net->b, (size_t)whole) != 0)
		return false;
	if (rest == 0)
		return true;
	mask = (unsigned char)(0xff << (8 - rest));
	return (a->b[whole] & mask) == (net->b[whole] & mask);
}

/* The prefix length in text (decimal digits only): -1 if it is not one. */
static int
prefix_parse(const char *text)
{
	char *end;
	long  n;

	if (text[0] < '0' || text[0] > '9')
		return -1;
	errno = 0;
	n = strtol(text, &end, 10);
	if (errno != 0 || *end != '\0' || n > 128)
		return -1;
	return (int)n;
}

int
proxies_add(struct proxies *p, const char *text, const char **why)
{
	const char   *slash = strchr(text, '/');
	size_t        len = slash ? (size_t)(slash - text) : strlen(text);
	struct ipaddr net, host;
	bool          mapped;
	int           bits, max;

	if (p->n == PROXIES_MAX) {
		*why = "too many trusted proxies (at most 32: use prefixes)";
		return -1;
	}
	if (!ip_parse(text, len, &net)) {
		*why = "not an IPv4 or IPv6 address (ADDR or ADDR/PREFIX)";
		return -1;
	}
	/* IPv6 text that parsed as IPv4: ::ffff:a.b.c.d. */
	mapped = net.family == AF_INET && memchr(text, ':', len) != NULL;
	max = net.family == AF_INET ? 32 : 128;
	bits = max;
	if (slash != NULL) {
		bits = prefix_parse(slash + 1);
		/* ::ffff:10.0.0.0/104 is 10.0.0.0/8. */
		if (mapped && bits >= 96)
			bits -= 96;
		if (bits < 0 || bits > max) {
			*why = net.family == AF_INET
				   ? "the prefix after '/' must be 0 to 32"
				   : "the prefix after '/' must be 0 to 128";
			return -1;
		}
	}
	host = net;
	memset(&net.b, 0, sizeof(net.b));
	memcpy(net.b, host.b, (size_t)bits / 8);
	if (bits % 8 != 0)
		net.b[bits / 8] = (unsigned char)(host.b[bits / 8] &
						  (0xff << (8 - bits % 8)));
	if (memcmp(net.b, host.b, sizeof(net.b)) != 0) {
		*why = "the address has bits set past its prefix (for a "
		       "network, end it with zeros, e.g. 10.0.0.0/8)";
		return -1;
	}
	p->net[p->n].net = net;
	p->net[p->n].bits = bits;
	p->n++;
	return 0;
}

bool
proxies_trust(const struct proxies *p, const struct ipaddr *a)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (prefix_match(a, &p->net[i].net, p->net[i].bits))
			return true;
	return false;
}

/*** The client *************************************************************/

static bool
blank(char c)
{
	return c == ' ' || c == '\t';
}

struct ipaddr
ip_client(const struct proxies *p, const struct ipaddr *peer, const char *xff)
{
	struct ipaddr hop, client = *peer;
	const char   *end, *start, *s, *e;

	if (xff == NULL || !proxies_trust(p, peer))
		return *peer;
	/* From the right: each hop is the address a proxy saw. */
	for (end = xff + strlen(xff);; end = start - 1) {
		for (start = end; start > xff && start[-1] != ','; start--)
			;
		for (s = start; s < end && blank(*s); s++)
			;
		for (e = end; e > s && blank(e[-1]); e--)
			;
		if (!ip_parse(s, (size_t)(e - s), &hop))
			return *peer; /* malformed: trust none of it */
		client = hop;
		if (!proxies_trust(p, &hop) || start == xff)
			return client;
	}
}
