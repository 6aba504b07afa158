/*
 * tests/unit/server/test_clientaddr.c -- the client address behind
 * trusted proxies and the per-address limit keys
 * (src/server/clientaddr.c).
 */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <netinet/in.h>
#include <string.h>

#include "server/clientaddr.h"

/* The limit key of text, which must parse. */
static const char *
key_of(const char *text)
{
	static char   buf[IPADDR_TEXT_MAX];
	struct ipaddr a;

	cr_assert(ip_parse(text, strlen(text), &a), "%s", text);
	ip_key(&a, buf, sizeof(buf));
	return buf;
}

/* Proxies from a NULL-terminated list of options, all valid. */
static struct proxies
proxies_of(const char *const *opts)
{
	struct proxies p;
	const char    *why;

	memset(&p, 0, sizeof(p));
	for (; *opts != NULL; opts++)
		cr_assert_eq(proxies_add(&p, *opts, &why), 0, "%s", *opts);
	return p;
}

/* The client (as text) of peer with xff, behind the proxies opts. */
static const char *
client_of(const char *const *opts, const char *peer, const char *xff)
{
	static char    buf[IPADDR_TEXT_MAX];
	struct proxies p = proxies_of(opts);
	struct ipaddr  a, c;

	cr_assert(ip_parse(peer, strlen(peer), &a), "%s", peer);
	c = ip_client(&p, &a, xff);
	ip_text(&c, buf, sizeof(buf));
	return buf;
}

Test(ip, parse)
{
	struct ipaddr a;

	cr_assert(ip_parse("192.0.2.1", 9, &a));
	cr_assert_eq(a.family, AF_INET);
	cr_assert(ip_parse("2001:db8::1", 11, &a));
	cr_assert_eq(a.family, AF_INET6);
	/* Only the len bytes count. */
	cr_assert(ip_parse("10.0.0.1, 10.0.0.2", 8, &a));
	cr_assert_eq(a.family, AF_INET);
	cr_assert_not(ip_parse("", 0, &a));
	cr_assert_not(ip_parse("example.com", 11, &a));
	cr_assert_not(ip_parse("1.2.3.4:80", 10, &a));
	cr_assert_not(ip_parse("[::1]", 5, &a));
	cr_assert_not(ip_parse(" 1.2.3.4", 8, &a));
	cr_assert_not(ip_parse("1.2.3", 5, &a));
	cr_assert_not(ip_parse("fe80::1%eth0", 12, &a));
}

Test(ip, keys)
{
	cr_assert_str_eq(key_of("203.0.113.7"), "203.0.113.7");
	/* IPv6 counts per /64: every host of one /64 shares a key. */
	cr_assert_str_eq(key_of("2001:db8:1:2:aaaa:bbbb:cccc:dddd"),
			 "2001:db8:1:2::/64");
	cr_assert_str_eq(key_of("2001:db8:1:2::1"), "2001:db8:1:2::/64");
	cr_assert_str_eq(key_of("2001:db8:1:3::1"), "2001:db8:1:3::/64");
	cr_assert_str_eq(key_of("::1"), "::/64");
	/* IPv4-mapped is the IPv4 address. */
	cr_assert_str_eq(key_of("::ffff:1.2.3.4"), "1.2.3.4");
	cr_assert_str_eq(key_of("::FFFF:1.2.3.4"), "1.2.3.4");
}

Test(ip, text_is_the_full_address)
{
	struct ipaddr a;
	char          buf[IPADDR_TEXT_MAX];

	cr_assert(ip_parse("2001:db8:1:2:aaaa::1", 20, &a));
	ip_text(&a, buf, sizeof(buf));
	cr_assert_str_eq(buf, "2001:db8:1:2:aaaa::1");
	cr_assert(ip_parse("::ffff:1.2.3.4", 14, &a));
	ip_text(&a, buf, sizeof(buf));
	cr_assert_str_eq(buf, "1.2.3.4");
}

Test(ip, from_sockaddr)
{
	struct sockaddr_in  v4;
	struct sockaddr_in6 v6;
	struct sockaddr     other;
	struct ipaddr       a;
	char                buf[IPADDR_TEXT_MAX];

	memset(&v4, 0, sizeof(v4));
	v4.sin_family = AF_INET;
	inet_pton(AF_INET, "192.0.2.9", &v4.sin_addr);
	cr_assert(ip_from_sockaddr((struct sockaddr *)&v4, &a));
	ip_text(&a, buf, sizeof(buf));
	cr_assert_str_eq(buf, "192.0.2.9");
	memset(&v6, 0, sizeof(v6));
	v6.sin6_family = AF_INET6;
	inet_pton(AF_INET6, "::ffff:192.0.2.9", &v6.sin6_addr);
	cr_assert(ip_from_sockaddr((struct sockaddr *)&v6, &a));
	cr_assert_eq(a.family, AF_INET);
	ip_key(&a, buf, sizeof(buf));
	cr_assert_str_eq(buf, "192.0.2.9");
	memset(&other, 0, sizeof(other));
	other.sa_family = AF_UNIX;
	cr_assert_not(ip_from_sockaddr(&other, &a));
}

Test(proxies, good_options)
{
	static const char *const good[] = { "127.0.0.1", "10.0.0.0/8", "::1",
		"2001:db8::/32", "0.0.0.0/0", "::/0", "192.0.2.1/32",
		"2001:db8::1/128", "::ffff:10.0.0.0/104", NULL };
	struct proxies p = proxies_of(good);
	struct ipaddr  a;

	cr_assert_eq(p.n, 9);
	cr_assert(ip_parse("10.200.3.4", 10, &a));
	cr_assert(proxies_trust(&p, &a));
}

Test(proxies, bad_options)
{
	static const char *const bad[] = { "", "localhost", "10.0.0.0/",
		"10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/8x",
		"10.0.0.0/08x", "::1/129", "1.2.3.4/8", "2001:db8::1/64",
		"10.0.0.0/8/8", "/8", "1.2.3.4 ",
		"10.0.0.0/99999999999999999999", NULL };
	struct proxies p;
	const char    *why;
	size_t	       i;

	memset(&p, 0, sizeof(p));
	for (i = 0; bad[i] != NULL; i++) {
		why = NULL;
		cr_assert_eq(proxies_add(&p, bad[i], &why), -1, "%s", bad[i]);
		cr_assert(why != NULL && why[0] != '\0', "%s", bad[i]);
	}
	cr_assert_eq(p.n, 0);
}

Test(proxies, at_most_max)
{
	struct proxies p;
	const char    *why;
	size_t         i;

	memset(&p, 0, sizeof(p));
	for (i = 0; i < PROXIES_MAX; i++)
		cr_assert_eq(proxies_add(&p, "127.0.0.1", &why), 0);
	cr_assert_eq(proxies_add(&p, "127.0.0.1", &why), -1);
	cr_assert(strstr(why, "at most") != NULL, "%s", why);
}

Test(proxies, trust_by_prefix)
{
	static const char *const opts[] = { "10.0.0.0/8", "192.0.2.128/25",
					    "2001:db8:ff::/48", "127.0.0.1",
					    NULL };
	struct proxies           p = proxies_of(opts);
	static const struct {
		const char *addr;
		bool        trusted;
	} cases[] = {
		{ "10.0.0.1", true },
		{ "10.255.255.255", true },
		{ "11.0.0.0", false },
		{ "9.255.255.255", false },
		{ "192.0.2.128", true },
		{ "192.0.2.255", true },
		{ "192.0.2.127", false },
		{ "2001:db8:ff:1::5", true },
		{ "2001:db8:fe::5", false },
		{ "127.0.0.1", true },
		{ "127.0.0.2", false },
		{ "::ffff:127.0.0.1", true },
		{ "::1", false },
		{ "::ffff:10.1.1.1", true },
	};
	struct ipaddr a;
	size_t        i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cr_assert(ip_parse(cases[i].addr, strlen(cases[i].addr), &a));
		cr_assert_eq(proxies_trust(&p, &a), cases[i].trusted, "%s",
			     cases[i].addr);
	}
}

/* One request: from peer with X-Forwarded-For xff, the client is want. */
struct hop_case {
	const char *peer, *xff, *want;
};

static void
check_clients(const char *const *opts, const struct hop_case *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		cr_assert_str_eq(client_of(opts, c[i].peer, c[i].xff),
		    c[i].want, "peer %s, X-Forwarded-For \"%s\"", c[i].peer,
		    c[i].xff ? c[i].xff : "(none)");
}

#define CHECK_CLIENTS(opts, cases) \
	check_clients(opts, cases, sizeof(cases) / sizeof(cases[0]))

Test(client, trusted_peer_reads_the_chain)
{
	static const char *const      net10[] = { "10.0.0.0/8", NULL };
	static const struct hop_case cases[] = {
		{ "10.0.0.1", "1.2.3.4, 10.0.0.5", "1.2.3.4" },
		{ "10.0.0.1", "1.2.3.4", "1.2.3.4" },
		{ "10.0.0.1", "1.2.3.4,10.0.0.5", "1.2.3.4" },
		{ "10.0.0.1", " \t1.2.3.4 ,10.0.0.5 ", "1.2.3.4" },
		/* What the client wrote itself, left of its address. */
		{ "10.0.0.1", "6.6.6.6, 7.7.7.7, 1.2.3.4, 10.0.0.5", "1.2.3.4" },
		{ "10.0.0.1", "10.9.9.9, 1.2.3.4, 10.0.0.5", "1.2.3.4" },
		{ "10.0.0.1", "garbage, 1.2.3.4", "1.2.3.4" },
		/* Every hop a trusted proxy: the farthest one. */
		{ "10.0.0.1", "10.0.0.7, 10.0.0.5", "10.0.0.7" },
	};

	CHECK_CLIENTS(net10, cases);
}

Test(client, malformed_chain_is_the_peer)
{
	static const char *const net10[] = { "10.0.0.0/8", NULL };
	static const char *const bad[] = { "", " ", "garbage",
		"1.2.3.4, garbage", "1.2.3.4:5678", "[2001:db8::1]",
		"1.2.3.4,,10.0.0.5", "1.2.3.4,", ",1.2.3.4, 10.0.0.5x",
		"unknown", "1.2.3.4 10.0.0.5", NULL };
	size_t i;

	cr_assert_str_eq(client_of(net10, "10.0.0.1", NULL), "10.0.0.1");
	for (i = 0; bad[i] != NULL; i++)
		cr_assert_str_eq(client_of(net10, "10.0.0.1", bad[i]),
		    "10.0.0.1", "%s", bad[i]);
}

Test(client, untrusted_peer_ignores_the_header)
{
	static const char *const      net10[] = { "10.0.0.0/8", NULL };
	static const char *const      none[] = { NULL };
	static const struct hop_case untrusted[] = {
		{ "192.0.2.1", "1.2.3.4", "192.0.2.1" },
		{ "192.0.2.1", "1.2.3.4, 10.0.0.5", "192.0.2.1" },
	};
	static const struct hop_case no_proxies[] = {
		{ "127.0.0.1", "1.2.3.4", "127.0.0.1" },
		{ "10.0.0.1", "1.2.3.4", "10.0.0.1" },
	};

	CHECK_CLIENTS(net10, untrusted);
	CHECK_CLIENTS(none, no_proxies);
}

Test(client, ipv6_and_mapped)
{
	static const char *const      lo[] = { "127.0.0.1", "::1", NULL };
	static const char *const      v6net[] = { "2001:db8:ff::/48", NULL };
	static const struct hop_case via_lo[] = {
		{ "::1", "2001:db8:1:2:aaaa::1", "2001:db8:1:2:aaaa::1" },
		/* A dual-stack socket sees 127.0.0.1 as ::ffff:127.0.0.1. */
		{ "::ffff:127.0.0.1", "203.0.113.7", "203.0.113.7" },
		{ "127.0.0.1", "::ffff:203.0.113.7", "203.0.113.7" },
		{ "127.0.0.1", "203.0.113.7, ::ffff:127.0.0.1", "203.0.113.7" },
	};
	static const struct hop_case via_v6[] = {
		{ "2001:db8:ff::1", "2001:db8:1:2::9, 2001:db8:ff::2",
		    "2001:db8:1:2::9" },
	};

	CHECK_CLIENTS(lo, via_lo);
	CHECK_CLIENTS(v6net, via_v6);
	cr_assert_str_eq(key_of(client_of(v6net, "2001:db8:ff::1",
			     "2001:db8:1:2::9, 2001:db8:ff::2")),
	    "2001:db8:1:2::/64");
}
