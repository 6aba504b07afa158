/*
 * judge/harness/gavel_pch.hpp -- the one header a generated C++ harness
 * includes first; the judge precompiles it once (gavel_pch.hpp.gch beside
 * it, same g++ and flags) so each submission compiles in a fraction of the
 * time.  See harness.h.
 */
#ifndef GAVEL_HARNESS_GAVEL_PCH_HPP
#define GAVEL_HARNESS_GAVEL_PCH_HPP

#include "prelude.hpp"
#include "lc.hpp"

#endif
