/*
 * judge/verdict.c -- names of verdicts; see judge.h.
 */
#include "judge/judge.h"

const char *
verdict_name(enum verdict v)
{
	switch (v) {
	case VERDICT_AC:
		return "AC";
	case VERDICT_WA:
		return "WA";
	case VERDICT_TLE:
		return "TLE";
	case VERDICT_MLE:
		return "MLE";
	case VERDICT_RE:
		return "RE";
	case VERDICT_CE:
		return "CE";
	case VERDICT_OLE:
		return "OLE";
	case VERDICT_IE:
		return "IE";
	}
	return "IE";
}
