/*
 * judge/yaml.h -- a reader for the small subset of YAML that problem
 * packages use for the keys the judge needs.
 *
 * Block mappings nested by indentation, scalars plain or quoted, comments.
 * Sequences and flow collections are skipped (their keys are not needed),
 * anchors and multi-document streams are not supported. Keys come out as
 * dotted paths: "limits.memory".
 */
#ifndef GAVEL_JUDGE_YAML_H
#define GAVEL_JUDGE_YAML_H

#include <stddef.h>

struct yaml_kv {
	char *key;   /* dotted path */
	char *value; /* unquoted scalar; "" for a mapping's own key */
};

struct yaml_doc {
	struct yaml_kv *kv;
	size_t		n;
};

/* Parse text (len bytes). Never fails: lines it cannot read are skipped.
 * The caller owns the result (yaml_free()). */
struct yaml_doc *yaml_parse(const char *text, size_t len);
void		 yaml_free(struct yaml_doc *d);

/* The value at a dotted key, or NULL. Borrowed. */
const char *yaml_get(const struct yaml_doc *d, const char *key);

#endif
