/*
 * judge/harness/lc.hpp -- the runtime of Gavel's C++ function harness: a
 * small JSON reader and writer, template (de)serialisation of LeetCode's
 * types, the per-test stdout capture and the fd 3 result records.
 *
 * The generated main (judge/harness.c) calls only what is in namespace
 * gavel_lc.  Protocol: stdin line 1 the signature (unused here: the types
 * are compiled in), line 2 the number of tests N, then one JSON value per
 * line per parameter (design problems: two lines, the calls and their
 * arguments); fd 3 gets "READY" and then, per test,
 * {"ok":<value>,"stdout":"..."} or {"error":"T: what","stdout":"..."}.
 * Exit 3 means the harness was misused (bad input, no fd 3).
 *
 * Everything here is seen by the user's code (it comes first in the
 * translation unit), so it adds one namespace, two replaced global
 * operator delete functions, and no macros.  Only <bits/stdc++.h> (which
 * already pulls in <unistd.h>) and <cxxabi.h> are included.
 */
#ifndef GAVEL_HARNESS_LC_HPP
#define GAVEL_HARNESS_LC_HPP

#include "prelude.hpp"

#include <cxxabi.h>

namespace gavel_lc {

constexpr std::size_t stdout_cap = 64 * 1024;
constexpr std::size_t tree_cap = std::size_t(1) << 22; /* cycle guard */

/* The harness was misused: say so on stderr and exit 3 (never blame the
 * user's code for it). */
[[noreturn]] inline void
die(const std::string &msg)
{
	std::string s = "gavel harness: " + msg + "\n";
	::write(2, s.data(), s.size());
	::_exit(3);
}

/* A returned value that cannot be judged; becomes an error record. */
struct bad_value {
	std::string what;
};

/*** Node arena ***/

/*
 * The nodes built from test input live in an arena that is reset after
 * each test, so 50 tests of 10^5 nodes do not pile up.  Solutions may
 * `delete` those nodes: the replaced operator delete below ignores any
 * pointer into the arena.  Nodes the user allocates are left alone.
 */
struct arena {
	/* Plain data with no destructor: operator delete consults it until
	 * the very end of the process, after static destructors ran. */
	char	   *base[48]; /* blocks, each twice the size of the last */
	std::size_t size[48];
	int	    nblocks;
	int	    cur;      /* block being filled */
	std::size_t off;      /* bytes used in it */

	void *
	alloc(std::size_t n)
	{
		n = (n + 15) & ~std::size_t(15);
		while (cur < nblocks && off + n > size[cur]) {
			cur++;
			off = 0;
		}
		if (cur == nblocks) {
			std::size_t sz = nblocks == 0 ? std::size_t(64) << 10
						      : size[nblocks - 1] * 2;
			if (sz < n)
				sz = n;
			char *p = nblocks < 48
			    ? static_cast<char *>(std::malloc(sz))
			    : nullptr;
			if (p == nullptr)
				throw std::bad_alloc();
			base[nblocks] = p;
			size[nblocks] = sz;
			nblocks++;
			off = 0;
		}
		void *p = base[cur] + off;
		off += n;
		return p;
	}

	bool
	owns(const void *p) const
	{
		const char *c = static_cast<const char *>(p);
		for (int i = 0; i < nblocks; i++)
			if (c >= base[i] && c < base[i] + size[i])
				return true;
		return false;
	}

	void
	reset()
	{
		cur = 0;
		off = 0;
	}
};

inline constinit arena nodes{}; /* zero: no blocks */

/*** JSON reader ***/

struct reader {
	const char *p;
	const char *end;

	[[noreturn]] void
	fail(const char *what) const
	{
		die(std::string("bad test input: ") + what);
	}

	void
	ws()
	{
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' ||
				   *p == '\n'))
			p++;
	}

	bool
	eat(char c)
	{
		ws();
		if (p < end && *p == c) {
			p++;
			return true;
		}
		return false;
	}

	void
	expect(char c)
	{
		if (!eat(c)) {
			char m[] = "expected 'x'";
			m[10] = c;
			fail(m);
		}
	}

	bool
	eat_word(const char *w)
	{
		ws();
		std::size_t n = std::strlen(w);
		if (std::size_t(end - p) >= n && std::memcmp(p, w, n) == 0) {
			p += n;
			return true;
		}
		return false;
	}

	bool
	null()
	{
		return eat_word("null");
	}

	/* A JSON number as a long long, or as a double if it has a
	 * fraction or an exponent (then *isint is false). */
	long long
	number(double *d, bool *isint)
	{
		ws();
		const char *s = p;
		bool neg = false;
		unsigned long long u = 0;
		bool over = false;

		if (p < end && *p == '-') {
			neg = true;
			p++;
		}
		if (p == end || *p < '0' || *p > '9')
			fail("expected a number");
		while (p < end && *p >= '0' && *p <= '9') {
			unsigned d9 = unsigned(*p++ - '0');
			if (u > (~0ull - d9) / 10)
				over = true;
			u = u * 10 + d9;
		}
		if (p < end && (*p == '.' || *p == 'e' || *p == 'E')) {
			char *e;
			*d = std::strtod(s, &e); /* the line ends in a NUL */
			p = e;
			*isint = false;
			return 0;
		}
		*isint = true;
		if (over || u > (neg ? 1ull << 63 : (1ull << 63) - 1))
			fail("integer out of range");
		*d = neg ? -double(u) : double(u);
		return neg ? (long long)(0 - u) : (long long)u;
	}

	void
	utf8(std::string &o, unsigned long c)
	{
		if (c < 0x80) {
			o += char(c);
		} else if (c < 0x800) {
			o += char(0xc0 | (c >> 6));
			o += char(0x80 | (c & 0x3f));
		} else if (c < 0x10000) {
			o += char(0xe0 | (c >> 12));
			o += char(0x80 | ((c >> 6) & 0x3f));
			o += char(0x80 | (c & 0x3f));
		} else {
			o += char(0xf0 | (c >> 18));
			o += char(0x80 | ((c >> 12) & 0x3f));
			o += char(0x80 | ((c >> 6) & 0x3f));
			o += char(0x80 | (c & 0x3f));
		}
	}

	unsigned long
	hex4()
	{
		if (end - p < 4)
			fail("bad \\u escape");
		unsigned long c = 0;
		for (int i = 0; i < 4; i++) {
			char h = *p++;
			c <<= 4;
			if (h >= '0' && h <= '9')
				c |= unsigned(h - '0');
			else if (h >= 'a' && h <= 'f')
				c |= unsigned(h - 'a' + 10);
			else if (h >= 'A' && h <= 'F')
				c |= unsigned(h - 'A' + 10);
			else
				fail("bad \\u escape");
		}
		return c;
	}

	void
	string(std::string &o)
	{
		expect('"');
		o.clear();
		for (;;) {
			const char *q = p;
			while (q < end && *q != '"' && *q != '\\')
				q++;
			o.append(p, q);
			p = q;
			if (p == end)
				fail("unterminated string");
			if (*p++ == '"')
				return;
			if (p == end)
				fail("unterminated string");
			switch (*p++) {
			case '"': o += '"'; break;
			case '\\': o += '\\'; break;
			case '/': o += '/'; break;
			case 'b': o += '\b'; break;
			case 'f': o += '\f'; break;
			case 'n': o += '\n'; break;
			case 'r': o += '\r'; break;
			case 't': o += '\t'; break;
			case 'u': {
				unsigned long c = hex4();
				if (c >= 0xd800 && c < 0xdc00 && end - p >= 6 &&
				    p[0] == '\\' && p[1] == 'u') {
					p += 2;
					unsigned long lo = hex4();
					c = 0x10000 + ((c - 0xd800) << 10) +
					    (lo - 0xdc00);
				}
				utf8(o, c);
				break;
			}
			default:
				fail("bad escape");
			}
		}
	}

	void
	done()
	{
		ws();
		if (p != end)
			fail("trailing characters after the value");
	}
};

template <class T> struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

/* Level order with nulls, as a flat list of optional ints. */
inline void
read_levels(reader &r, std::vector<int> &vals, std::vector<char> &has)
{
	r.expect('[');
	if (r.eat(']'))
		return;
	do {
		if (r.null()) {
			vals.push_back(0);
			has.push_back(0);
			continue;
		}
		double d;
		bool isint;
		long long v = r.number(&d, &isint);
		if (!isint || v < INT_MIN || v > INT_MAX)
			r.fail("node value is not an int");
		vals.push_back(int(v));
		has.push_back(1);
	} while (r.eat(','));
	r.expect(']');
}

template <class T>
void
read(reader &r, T &v)
{
	if constexpr (std::is_same_v<T, bool>) {
		if (r.eat_word("true"))
			v = true;
		else if (r.eat_word("false"))
			v = false;
		else
			r.fail("expected a boolean");
	} else if constexpr (std::is_same_v<T, char>) {
		std::string s;
		r.string(s);
		if (s.empty())
			r.fail("expected a one-character string");
		v = s[0];
	} else if constexpr (std::is_integral_v<T>) {
		double d;
		bool isint;
		long long x = r.number(&d, &isint);
		if (!isint) {
			if (d != std::floor(d) || !(std::fabs(d) < 9.2e18))
				r.fail("expected an integer");
			x = (long long)d;
		}
		if (x < (long long)std::numeric_limits<T>::min() ||
		    (x > 0 && (unsigned long long)x >
				  (unsigned long long)std::numeric_limits<T>::max()))
			r.fail("integer out of the parameter's range");
		v = T(x);
	} else if constexpr (std::is_floating_point_v<T>) {
		double d;
		bool isint;
		long long x = r.number(&d, &isint);
		v = T(isint ? double(x) : d);
	} else if constexpr (std::is_same_v<T, std::string>) {
		r.string(v);
	} else if constexpr (std::is_same_v<T, ListNode *>) {
		v = nullptr;
		if (r.null())
			return;
		std::vector<int> vals;
		std::vector<char> has;
		read_levels(r, vals, has);
		ListNode **link = &v;
		for (std::size_t i = 0; i < vals.size(); i++) {
			*link = new (nodes.alloc(sizeof(ListNode)))
			    ListNode(vals[i]);
			link = &(*link)->next;
		}
	} else if constexpr (std::is_same_v<T, TreeNode *>) {
		v = nullptr;
		if (r.null())
			return;
		std::vector<int> vals;
		std::vector<char> has;
		read_levels(r, vals, has);
		if (vals.empty() || !has[0])
			return;
		auto mk = [](int x) {
			return new (nodes.alloc(sizeof(TreeNode))) TreeNode(x);
		};
		std::vector<TreeNode *> q{ mk(vals[0]) };
		v = q[0];
		std::size_t i = 1, head = 0;
		while (i < vals.size() && head < q.size()) {
			TreeNode *n = q[head++];
			if (has[i])
				q.push_back(n->left = mk(vals[i]));
			if (++i < vals.size() && has[i])
				q.push_back(n->right = mk(vals[i]));
			i++;
		}
	} else if constexpr (is_vector<T>::value) {
		v.clear();
		if (r.null())
			return;
		r.expect('[');
		if (r.eat(']'))
			return;
		do {
			typename T::value_type x{};
			read(r, x);
			v.push_back(std::move(x));
		} while (r.eat(','));
		r.expect(']');
	} else {
		static_assert(!sizeof(T), "gavel: no reader for this type");
	}
}

/*** JSON writer ***/

/* A JSON string; bytes that are not UTF-8 become U+FFFD, so the judge's
 * parser never rejects a record. */
inline void
write_string(std::string &o, const char *s, std::size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *u = reinterpret_cast<const unsigned char *>(s);

	o += '"';
	for (std::size_t i = 0; i < n;) {
		unsigned c = u[i];
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			o += char(c);
			i++;
			continue;
		}
		if (c < 0x80) {
			switch (c) {
			case '"': o += "\\\""; break;
			case '\\': o += "\\\\"; break;
			case '\n': o += "\\n"; break;
			case '\t': o += "\\t"; break;
			case '\r': o += "\\r"; break;
			case '\b': o += "\\b"; break;
			case '\f': o += "\\f"; break;
			default:
				o += "\\u00";
				o += hex[c >> 4];
				o += hex[c & 15];
			}
			i++;
			continue;
		}
		/* Validate one UTF-8 sequence. */
		std::size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
		bool ok = len != 0 && c < 0xf5 && i + len <= n;
		for (std::size_t k = 1; ok && k < len; k++)
			ok = (u[i + k] & 0xc0) == 0x80;
		if (ok && len == 3) {
			unsigned c1 = u[i + 1];
			ok = !(c == 0xe0 && c1 < 0xa0) && !(c == 0xed && c1 >= 0xa0);
		} else if (ok && len == 4) {
			unsigned c1 = u[i + 1];
			ok = !(c == 0xf0 && c1 < 0x90) && !(c == 0xf4 && c1 >= 0x90);
		}
		if (ok) {
			o.append(s + i, len);
			i += len;
		} else {
			o += "\\ufffd";
			i++;
		}
	}
	o += '"';
}

template <class T>
concept iterable = requires(const T &t) {
	std::begin(t);
	std::end(t);
};

template <class T> struct is_tuple_like : std::false_type {};
template <class A, class B>
struct is_tuple_like<std::pair<A, B>> : std::true_type {};
template <class... A>
struct is_tuple_like<std::tuple<A...>> : std::true_type {};

template <class T> void write(std::string &o, const T &v);

inline void
write_list(std::string &o, const ListNode *h)
{
	const ListNode *slow = h;
	bool step = false;

	o += '[';
	for (const ListNode *n = h; n != nullptr; n = n->next) {
		if (n != h)
			o += ',';
		write(o, n->val);
		if (step) {
			slow = slow->next;
			if (slow == n->next && slow != nullptr)
				throw bad_value{ "Error: Found cycle in the ListNode" };
		}
		step = !step;
	}
	o += ']';
}

inline void
write_tree(std::string &o, const TreeNode *root)
{
	std::vector<const TreeNode *> q;
	std::size_t last = 0; /* one past the last non-null in q */

	if (root != nullptr)
		q.push_back(root);
	for (std::size_t i = 0; i < q.size(); i++) {
		if (q[i] == nullptr)
			continue;
		last = i + 1;
		if (q.size() > 2 * tree_cap)
			throw bad_value{ "Error: Found cycle in the TreeNode" };
		q.push_back(q[i]->left);
		q.push_back(q[i]->right);
	}
	o += '[';
	for (std::size_t i = 0; i < last; i++) {
		if (i)
			o += ',';
		if (q[i] == nullptr)
			o += "null";
		else
			write(o, q[i]->val);
	}
	o += ']';
}

template <class Tup, std::size_t... I>
void
write_tuple(std::string &o, const Tup &t, std::index_sequence<I...>)
{
	o += '[';
	((o += (I ? "," : ""), write(o, std::get<I>(t))), ...);
	o += ']';
}

/* Write v as JSON, choosing by its C++ type (so a solution that returns
 * long instead of int, or a deque, is still printed right). */
template <class T>
void
write(std::string &o, const T &v)
{
	if constexpr (std::is_same_v<T, bool>) {
		o += v ? "true" : "false";
	} else if constexpr (std::is_same_v<T, char>) {
		write_string(o, &v, 1);
	} else if constexpr (std::is_integral_v<T>) {
		char b[24];
		auto r = std::to_chars(b, b + sizeof(b), v);
		o.append(b, r.ptr);
	} else if constexpr (std::is_floating_point_v<T>) {
		if (!std::isfinite(v)) {
			o += "null";
			return;
		}
		char b[64];
		auto r = std::to_chars(b, b + sizeof(b), double(v));
		o.append(b, r.ptr);
	} else if constexpr (std::is_same_v<T, std::nullptr_t>) {
		o += "null";
	} else if constexpr (std::is_convertible_v<const T &,
						   std::string_view>) {
		std::string_view s = v;
		write_string(o, s.data(), s.size());
	} else if constexpr (std::is_same_v<T, ListNode *> ||
			     std::is_same_v<T, const ListNode *>) {
		write_list(o, v);
	} else if constexpr (std::is_same_v<T, TreeNode *> ||
			     std::is_same_v<T, const TreeNode *>) {
		write_tree(o, v);
	} else if constexpr (is_tuple_like<T>::value) {
		write_tuple(o, v, std::make_index_sequence<std::tuple_size_v<T>>());
	} else if constexpr (iterable<T>) {
		bool first = true;
		o += '[';
		for (const auto &x : v) {
			if (!first)
				o += ',';
			first = false;
			write(o, x);
		}
		o += ']';
	} else {
		static_assert(!sizeof(T), "gavel: cannot print this return type");
	}
}

/* The first k elements of an in-place argument (Remove Duplicates). */
template <class T>
void
write_prefix(std::string &o, const T &v, long long k)
{
	if constexpr (is_vector<T>::value) {
		if (k >= 0 && (unsigned long long)k <= v.size()) {
			T head(v.begin(), v.begin() + k);
			write(o, head);
			return;
		}
	}
	write(o, v);
}

/*** Session: protocol input, stdout capture, records ***/

struct session {
	int in_fd = -1;	     /* the protocol (was fd 0) */
	std::string buf;     /* read ahead */
	std::size_t pos = 0; /* start of the next line in buf */
	bool eof = false;
	int cap_fd = -1; /* fd 1 points here during the tests */
	std::string line;

	/* The next protocol line, without its newline. */
	std::string &
	next()
	{
		for (;;) {
			std::size_t nl = buf.find('\n', pos);
			if (nl != std::string::npos) {
				line.assign(buf, pos, nl - pos);
				pos = nl + 1;
				return line;
			}
			if (eof)
				die("input ended early");
			buf.erase(0, pos);
			pos = 0;
			std::size_t old = buf.size();
			std::size_t want = old < (1u << 20) ? 1u << 20 : old;
			buf.resize(old + want);
			ssize_t n;
			do
				n = ::read(in_fd, &buf[old], want);
			while (n < 0 && errno == EINTR);
			if (n < 0)
				die("reading stdin failed");
			buf.resize(old + std::size_t(n));
			if (n == 0) {
				eof = true;
				buf += '\n'; /* a last line without newline */
			}
		}
	}

	void
	put(const std::string &rec)
	{
		const char *p = rec.data();
		std::size_t n = rec.size();
		while (n > 0) {
			ssize_t w = ::write(3, p, n);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				die("writing the result channel failed");
			p += w;
			n -= std::size_t(w);
		}
	}

	/* What the user printed since the last call (capped). */
	std::string
	take_stdout()
	{
		std::cout.flush();
		std::fflush(stdout);
		off_t size = ::lseek(cap_fd, 0, SEEK_END);
		std::string s;
		if (size > 0) {
			s.resize(std::min<std::size_t>(std::size_t(size),
						       stdout_cap));
			ssize_t n = ::pread(cap_fd, &s[0], s.size(), 0);
			s.resize(n > 0 ? std::size_t(n) : 0);
		}
		if (::ftruncate(cap_fd, 0) != 0)
			die("cannot truncate the stdout capture file");
		::lseek(cap_fd, 0, SEEK_SET);
		return s;
	}
};

inline session sess;

/* Set up: check fd 3, keep the protocol on a private descriptor and give
 * the user /dev/null as fd 0, send fd 1 to a capture file, read the
 * header, write READY.  Returns the number of tests. */
inline long
start()
{
	int t = ::dup(3);
	if (t < 0)
		die("fd 3 (the result channel) is not open");
	::close(t);

	sess.in_fd = ::dup(0);
	if (sess.in_fd < 0)
		die("cannot dup stdin");
	std::FILE *nul = std::fopen("/dev/null", "r");
	int p[2];
	if (nul != nullptr) {
		::dup2(::fileno(nul), 0);
		std::fclose(nul);
	} else if (::pipe(p) == 0) { /* no /dev/null: an empty pipe */
		::dup2(p[0], 0);
		::close(p[0]);
		::close(p[1]);
	} else {
		die("cannot replace stdin");
	}

	std::cout.flush();
	std::fflush(stdout);
	std::FILE *cap = std::tmpfile();
	if (cap == nullptr)
		die("cannot create the stdout capture file (is /tmp writable?)");
	sess.cap_fd = ::fileno(cap); /* kept open for the whole run */
	if (::dup2(sess.cap_fd, 1) < 0)
		die("cannot redirect stdout");

	sess.next(); /* the signature: the types are compiled in */
	std::string &n = sess.next();
	char *e;
	long ntests = std::strtol(n.c_str(), &e, 10);
	if (e == n.c_str() || ntests < 0)
		die("bad test count");
	sess.put("READY\n");
	return ntests;
}

/* Read the next parameter line into v (a fresh variable per test). */
template <class T>
void
arg(T &v)
{
	std::string &l = sess.next();
	reader r{ l.data(), l.data() + l.size() };
	read(r, v);
	r.done();
}

/*
 * One design-problem test: the calls ["LRUCache","put",...] and their
 * arguments [[2],[1,1],...], walked call by call.
 */
struct design {
	std::string calls, args; /* the test's two lines */
	reader	    rc{}, ra{};
	std::string name; /* the current call */
	int	    argn = 0;
	bool	    first = true;

	void
	begin()
	{
		calls = sess.next();
		args = sess.next();
		rc = reader{ calls.data(), calls.data() + calls.size() };
		ra = reader{ args.data(), args.data() + args.size() };
		rc.expect('[');
		ra.expect('[');
	}

	/* Step to the next call; false after the last. */
	bool
	next()
	{
		if (first ? rc.eat(']') : !rc.eat(',')) {
			if (!first)
				rc.expect(']');
			ra.expect(']');
			rc.done();
			ra.done();
			return false;
		}
		if (!first)
			ra.expect(',');
		first = false;
		rc.string(name);
		ra.expect('[');
		argn = 0;
		return true;
	}

	template <class T>
	void
	arg(T &v)
	{
		if (argn++ > 0)
			ra.expect(',');
		read(ra, v);
	}

	void
	end()
	{
		ra.expect(']');
	}
};

inline std::string
demangle(const char *name)
{
	int st = 0;
	char *d = abi::__cxa_demangle(name, nullptr, nullptr, &st);
	std::string s = st == 0 && d != nullptr ? d : name;
	std::free(d);
	return s;
}

/* Run one test: body writes the answer's JSON into its argument. Catches
 * what the user's code throws, writes the record, resets the arena. */
template <class F>
void
run(F &&body)
{
	std::string val, err;
	bool ok = false;

	try {
		body(val);
		ok = true;
	} catch (const bad_value &b) {
		err = b.what;
	} catch (const std::exception &e) {
		err = demangle(typeid(e).name()) + ": " + e.what();
	} catch (...) {
		std::type_info *ti = abi::__cxa_current_exception_type();
		err = ti != nullptr ? demangle(ti->name()) : "unknown exception";
	}
	std::string out = sess.take_stdout();
	std::string rec;
	rec.reserve(val.size() + out.size() + 32);
	if (ok) {
		rec = "{\"ok\":";
		rec += val;
	} else {
		if (err.size() > 1000)
			err.resize(1000);
		std::fprintf(stderr, "%s\n", err.c_str());
		rec = "{\"error\":";
		write_string(rec, err.data(), err.size());
	}
	rec += ",\"stdout\":";
	write_string(rec, out.data(), out.size());
	rec += "}\n";
	sess.put(rec);
	nodes.reset();
}

/* The answer of a plain call: the returned value ("null" for void). */
template <class F>
void
answer(std::string &o, F &&call)
{
	using R = decltype(call());
	if constexpr (std::is_void_v<R>) {
		call();
		o += "null";
	} else {
		const auto &r = call();
		write(o, r);
	}
}

/* The answer of an in-place call: the argument after it, cut to the
 * first k elements when the call returned an integer k. */
template <class F, class A>
void
answer_inplace(std::string &o, F &&call, const A &a)
{
	using R = std::decay_t<decltype(call())>;
	if constexpr (std::is_void_v<R>) {
		call();
		write(o, a);
	} else if constexpr (std::is_integral_v<R> && !std::is_same_v<R, bool>) {
		long long k = (long long)call();
		write_prefix(o, a, k);
	} else {
		call();
		write(o, a);
	}
}

inline int
finish()
{
	std::cout.flush();
	std::fflush(stdout);
	::close(3);
	return 0;
}

} /* namespace gavel_lc */

/*
 * Nodes built from the input live in the arena: deleting one is a no-op.
 * (Replacing the global operator delete is allowed once per program; the
 * default operator new allocates with malloc, hence free.  noinline keeps
 * gcc from pairing an inlined new with this free in -Wmismatched-new-delete;
 * a pragma would not survive the precompiled header.)
 */
__attribute__((noinline)) void
operator delete(void *p) noexcept
{
	if (!gavel_lc::nodes.owns(p))
		std::free(p);
}

__attribute__((noinline)) void
operator delete(void *p, std::size_t) noexcept
{
	if (!gavel_lc::nodes.owns(p))
		std::free(p);
}

#endif
