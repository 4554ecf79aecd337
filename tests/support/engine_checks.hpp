#pragma once
// Checks shared by the engine tests.
#include <gtest/gtest.h>

#include "core/engine/radio_engine.hpp"
#include "tests/support/db_expect.hpp"
#include "tests/support/reference_physics.hpp"

namespace rps::test {

// A line-of-sight path from tx to rx: no interaction, the straight length, Friis gain (isotropic).
inline void expect_free_space_los(const PropagationPath& p, const Vec3& tx, const Vec3& rx,
                                  double tolerance_db) {
    EXPECT_TRUE(p.interactions.empty());
    const double d = (rx - tx).norm();
    EXPECT_NEAR(p.length_m, d, 1e-9);
    EXPECT_NEAR_DB(p.path_gain, friis(d), tolerance_db);
}

}  // namespace rps::test
