// The grid method walks its points lazily (GridWalk, next_grid_chunk) instead of listing them:
// the chunks must be exactly those of the eager list it replaced, the payloads of every task
// depend on them (ids, stored rows, resume).
#include <gtest/gtest.h>

#include <set>

#include "core/opt/grid_search.hpp"
#include "core/study/grid_axes.hpp"
#include "core/study/method_params.hpp"
#include "core/study/study_spec.hpp"
#include "study_test_support.hpp"

namespace rps {
namespace {

using opt::Vector;

// The eager list the runner used to build: the cartesian product (last dimension fastest), the
// points `keep` accepts that a set of the points seen did not hold yet, cut into chunks.
std::vector<std::vector<Vector>> eager_chunks(const std::vector<GridAxis>& axes,
                                              std::size_t chunk_size, std::set<Vector>& seen,
                                              const std::function<bool(const Vector&)>& keep) {
    std::vector<Vector> points{Vector{}};
    for (const GridAxis& axis : axes) {
        std::vector<Vector> next;
        for (const Vector& prefix : points)
            for (double v : axis.values) {
                next.push_back(prefix);
                next.back().push_back(v);
            }
        points = std::move(next);
    }
    std::vector<Vector> kept;
    for (const Vector& x : points)
        if (keep(x) && seen.insert(x).second) kept.push_back(x);
    return opt::chunk(kept, chunk_size);
}

std::vector<std::vector<Vector>> lazy_chunks(GridWalk& walk, std::size_t chunk_size,
                                             const std::function<bool(const Vector&)>& keep) {
    std::vector<std::vector<Vector>> chunks;
    for (;;) {
        std::vector<Vector> chunk = next_grid_chunk(walk, chunk_size, keep);
        if (chunk.empty()) return chunks;
        chunks.push_back(std::move(chunk));
    }
}

TEST(GridWalk, LHallGridGivesTheEagerChunks) {
    // 1 AP with directions on the L hall: x, y, a cyclic yaw axis and a downtilt axis.
    nlohmann::json doc = test::l_hall_study("1ap", nlohmann::json::array({{{"type", "grid"}}}),
                                            /*directions=*/true);
    const StudySpec spec = parse_study(doc, "grid_walk.json");
    nlohmann::json p = method_defaults("grid");
    p.update({{"resolution_m", 1.5}, {"yaw_steps", 8}, {"downtilt_steps", 3}});
    const std::vector<GridAxis> axes = grid_axes(LayoutSpace(spec), p);
    ASSERT_EQ(axes.size(), 4u);
    // Every other x value "infeasible", so that the filter shows in the chunks.
    const auto keep = [&](const Vector& x) { return x[0] != axes[0].values[1]; };
    for (std::size_t chunk_size : {0, 1, 7, 32}) {
        std::set<Vector> seen;
        GridWalk walk(axes);
        const auto lazy = lazy_chunks(walk, chunk_size, keep);
        EXPECT_EQ(lazy, eager_chunks(axes, chunk_size, seen, keep)) << "chunk " << chunk_size;
    }
    GridWalk walk(axes);
    std::size_t count = 0;
    for (Vector x; walk.next(x); ++count) EXPECT_TRUE(walk.contains(x));
    EXPECT_EQ(static_cast<double>(count), grid_axes_point_count(axes));
    Vector x;
    EXPECT_FALSE(walk.next(x));
}

TEST(GridWalk, RepeatedValuesAndLaterLevelsAreSkippedAsTheSetDid) {
    // An axis holding a value twice (-0.0 and 0.0 are the same point for a std::set<Vector>).
    const std::vector<GridAxis> first = {{{0.0, 1.0, 0.0, 2.0}, 1.0}, {{-0.0, 0.5, 0.0}, 0.5}};
    // A refinement level overlapping the first one, and one inside both.
    const std::vector<GridAxis> second = {{{0.5, 1.0, 1.5}, 0.5}, {{0.0, 0.25, 0.5}, 0.25}};
    const std::vector<GridAxis> third = {{{1.0, 1.25, 1.5}, 0.25}, {{0.25, 0.5}, 0.25}};
    const auto all = [](const Vector&) { return true; };
    std::set<Vector> seen;
    std::vector<GridWalk> done;
    for (const auto& axes : {first, second, third}) {
        const auto eager = eager_chunks(axes, 2, seen, all);
        GridWalk walk(axes);
        const auto keep = [&](const Vector& x) {
            for (const GridWalk& level : done)
                if (level.contains(x)) return false;
            return true;
        };
        EXPECT_EQ(lazy_chunks(walk, 2, keep), eager);
        done.push_back(std::move(walk));
    }
    EXPECT_TRUE(done[0].contains({2.0, -0.0}));
    EXPECT_FALSE(done[0].contains({2.0, 0.25}));
    EXPECT_FALSE(done[0].contains({2.0}));
}

}  // namespace
}  // namespace rps
