#pragma once
// The 2D top view of a scene for the plan view: vertical faces become wall segments (one per
// shape and plane, with the material and slab thickness), near-floor horizontal faces become the
// floor area. Computed once when a scene is loaded, off the UI thread.
#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <vector>

#include "core/scene/scene.hpp"

namespace rps {

struct WallSegment {
    QPointF a, b;              // plan coordinates (m)
    uint32_t material = 0;     // scene material index
    double thickness_m = 0.1;  // the material's slab thickness
    double z_min_m = 0.0, z_max_m = 0.0;
    QString shape_id;
};

struct SceneOutline {
    std::vector<WallSegment> walls;
    QPainterPath floor;                    // union of the floor faces (plan coordinates)
    QRectF bounds;                         // plan extent of the scene (x right, y up as stored)
    std::vector<uint32_t> used_materials;  // materials of the walls, for the legend

    static SceneOutline fromScene(const Scene& scene);
};

}  // namespace rps
