#pragma once
// Whether two triangles of a plane share interior points: the separating axis test over the six
// edge normals, with intervals that overlap by no more than touch_m counted as apart (a shared
// edge or vertex is no overlap). Used to split faces into convex pieces (engine) and to find
// shapes laid over each other (scene loader).
#include <algorithm>
#include <array>
#include <cmath>

namespace rps {

using Point2 = std::array<double, 2>;

inline bool triangle_interiors_overlap(const Point2* a, const Point2* b, double touch_m) {
    for (const Point2* tri : {a, b})
        for (int e = 0; e < 3; ++e) {
            const Point2& p = tri[e];
            const Point2& q = tri[(e + 1) % 3];
            const double nx = q[1] - p[1], ny = p[0] - q[0];
            const double length = std::hypot(nx, ny);
            if (!(length > 0.0)) continue;
            double lo[2] = {1e300, 1e300}, hi[2] = {-1e300, -1e300};
            for (int side = 0; side < 2; ++side)
                for (int v = 0; v < 3; ++v) {
                    const Point2& r = (side == 0 ? a : b)[v];
                    const double d = (nx * r[0] + ny * r[1]) / length;
                    lo[side] = std::min(lo[side], d);
                    hi[side] = std::max(hi[side], d);
                }
            if (hi[0] <= lo[1] + touch_m || hi[1] <= lo[0] + touch_m) return false;
        }
    return true;
}

}  // namespace rps
