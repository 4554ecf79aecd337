#include "core/engine/beam_window.hpp"

#include <algorithm>
#include <stdexcept>

namespace rps {
namespace {

// Sutherland–Hodgman step, in place: keeps the part of the window where keep(v) >= 0 (keep is
// affine along edges, so crossings interpolate exactly). A window wholly on one side (most
// steps: a beam is clipped by every edge of a face's outline) is kept or emptied as it is.
template <class KeepFn>
void clip(BeamWindow& window, KeepFn&& keep) {
    double value[BeamWindow::kMaxVertices];
    bool all_kept = true, none_kept = true;
    for (int i = 0; i < window.count; ++i) {
        value[i] = keep(window.vertex[i]);
        all_kept &= value[i] >= 0;
        none_kept &= value[i] < 0;
    }
    if (all_kept) return;
    if (none_kept) {
        window.count = 0;
        return;
    }
    Vec3 kept[BeamWindow::kMaxVertices];
    int count = 0;
    for (int i = 0; i < window.count; ++i) {
        const int j = (i + 1) % window.count;
        const double va = value[i], vb = value[j];
        const bool crossing = (va >= 0) != (vb >= 0);
        if (count + (va >= 0) + crossing > BeamWindow::kMaxVertices)
            throw std::logic_error("beam window overflow");  // bounded by construction
        if (va >= 0) kept[count++] = window.vertex[i];
        if (crossing)
            kept[count++] =
                window.vertex[i] + (window.vertex[j] - window.vertex[i]) * (va / (va - vb));
    }
    std::copy(kept, kept + count, window.vertex);
    window.count = count;
}

// Rays nearly parallel to the target plane meet it very far away. The window is clipped so that
// no ray travels more than kFarScale times its image-to-window distance: beyond that lie no
// receivers or faces of any real building, and every kept vertex lands exactly on the plane.
constexpr double kFarScale = 1e5;

// Central projection from `image` of the window part strictly between the image's parallel
// plane and the target plane (normal · x = offset) onto that plane.
BeamWindow project_beyond(const Vec3& image, const BeamWindow& window, const Vec3& normal,
                          double offset) {
    const double d_image = normal.dot(image) - offset;
    BeamWindow result;
    if (std::abs(d_image) < 1e-12) return result;
    const double s = d_image > 0 ? 1.0 : -1.0;
    const double near_limit = std::abs(d_image) * (1.0 - 1.0 / kFarScale);
    BeamWindow part = window;
    clip(part, [&](const Vec3& w) { return s * (normal.dot(w) - offset); });
    clip(part, [&](const Vec3& w) { return near_limit - s * (normal.dot(w) - offset); });
    for (int i = 0; i < part.count; ++i) {
        const double d_w = normal.dot(part.vertex[i]) - offset;
        const double t = d_image / (d_image - d_w);
        part.vertex[i] = image + (part.vertex[i] - image) * t;
    }
    return part;
}

}  // namespace

BeamWindow face_window(const EngineFace& face) {
    BeamWindow window;
    if (face.hull.size() > BeamWindow::kMaxKeptVertices)
        throw std::logic_error("face outline larger than a beam window holds");
    for (const Vec3& v : face.hull) window.vertex[window.count++] = v;
    return window;
}

BeamWindow propagate_beam(const Vec3& image, const BeamWindow& window, const EngineFace& face) {
    return clip_to_outline(project_beyond(image, window, face.normal, face.offset_m), face);
}

BeamWindow clip_to_outline(BeamWindow projected, const EngineFace& face) {
    if (projected.empty()) return {};
    const int a0 = face.axis0(), a1 = face.axis1();
    const size_t n = face.hull.size();
    for (size_t e = 0; e < n && !projected.empty(); ++e) {
        const Vec3& a = face.hull[e];
        const Vec3& b = face.hull[(e + 1) % n];
        const double ex = b[a0] - a[a0], ey = b[a1] - a[a1];
        const double slack = 1e-9 * (std::abs(ex) + std::abs(ey));
        clip(projected,
             [&](const Vec3& p) { return ex * (p[a1] - a[a1]) - ey * (p[a0] - a[a0]) + slack; });
    }
    if (projected.empty()) return {};
    if (projected.count > BeamWindow::kMaxKeptVertices) {
        // Its bounding rectangle on the face's plane: a superset, as every window must be.
        double lo[2] = {1e300, 1e300}, hi[2] = {-1e300, -1e300};
        for (int i = 0; i < projected.count; ++i) {
            const Vec3& v = projected.vertex[i];
            lo[0] = std::min(lo[0], v[a0]), hi[0] = std::max(hi[0], v[a0]);
            lo[1] = std::min(lo[1], v[a1]), hi[1] = std::max(hi[1], v[a1]);
        }
        projected.count = 4;
        projected.exact = false;
        projected.vertex[0] = face.lift(lo[0], lo[1]);
        projected.vertex[1] = face.lift(hi[0], lo[1]);
        projected.vertex[2] = face.lift(hi[0], hi[1]);
        projected.vertex[3] = face.lift(lo[0], hi[1]);
    }
    return projected;
}

FootprintPolygon project_to_receiver_plane(const Vec3& image, const BeamWindow& window,
                                           double height_m) {
    FootprintPolygon poly;
    if (std::abs(image.z() - height_m) < 1e-9) {
        poly.whole_raster = true;
        return poly;
    }
    const BeamWindow projected = project_beyond(image, window, Vec3::UnitZ(), height_m);
    if (projected.empty()) return poly;
    // The projection may be clockwise; the row scan does not care.
    for (int i = 0; i < projected.count; ++i) {
        poly.x[poly.count] = projected.vertex[i].x();
        poly.y[poly.count] = projected.vertex[i].y();
        ++poly.count;
    }
    return poly;
}

}  // namespace rps
