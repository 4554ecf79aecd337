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

// The line of sight from tx to rx: its gain (0 when there is none) and its transmissions (-1).
struct LineOfSight {
    double gain = 0.0;
    int transmissions = -1;
};

inline LineOfSight line_of_sight(const RadioEngine& engine, const Vec3& tx, const Vec3& rx) {
    LineOfSight los;
    for (const PropagationPath& path : engine.trace_paths(TxPose{tx}, rx))
        if (path.reflection_count == 0) {
            los.gain += path.path_gain;
            los.transmissions = static_cast<int>(path.interactions.size());
        }
    return los;
}

}  // namespace rps::test
