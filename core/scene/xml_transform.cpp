#include "core/scene/xml_transform.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "core/scene/text_numbers.hpp"

namespace rps {

namespace {

// x/y/z attributes with a default for the ones left out, or one "value" attribute.
Vec3 vector_attributes(const tinyxml2::XMLElement& element, const XmlValues& values, double missing,
                       bool value_may_be_scalar) {
    if (element.Attribute("value")) {
        if (element.Attribute("x") || element.Attribute("y") || element.Attribute("z"))
            values.fail(element, "value", "give either 'value' or x/y/z, not both");
        if (value_may_be_scalar) {
            const std::string text = values.required(element, "value");
            if (text.find_first_of(" \t,") == std::string::npos)
                return Vec3::Constant(values.number(element, "value"));
        }
        return values.vector(element, "value");
    }
    return {values.optional_number(element, "x").value_or(missing),
            values.optional_number(element, "y").value_or(missing),
            values.optional_number(element, "z").value_or(missing)};
}

// Right-handed rotation (Rodrigues). Quarter turns use exact sines and cosines so that a wall
// rotated by 90 degrees lies exactly on its plane (cos(pi/2) is 6e-17 in floating point).
Eigen::Matrix3d rotation_matrix(const Vec3& unit_axis, double angle_deg) {
    double s = 0.0;
    double c = 1.0;
    const double quarter_turns = angle_deg / 90.0;
    if (quarter_turns == std::round(quarter_turns) && std::abs(quarter_turns) < 1e9) {
        static constexpr double kSin[] = {0.0, 1.0, 0.0, -1.0};
        static constexpr double kCos[] = {1.0, 0.0, -1.0, 0.0};
        const auto k = static_cast<int>(((static_cast<long long>(quarter_turns) % 4) + 4) % 4);
        s = kSin[k];
        c = kCos[k];
    } else {
        const double angle = angle_deg * std::numbers::pi / 180.0;
        s = std::sin(angle);
        c = std::cos(angle);
    }
    Eigen::Matrix3d cross;
    cross << 0.0, -unit_axis.z(), unit_axis.y(),  //
        unit_axis.z(), 0.0, -unit_axis.x(),       //
        -unit_axis.y(), unit_axis.x(), 0.0;
    return c * Eigen::Matrix3d::Identity() + s * cross +
           (1.0 - c) * unit_axis * unit_axis.transpose();
}

Eigen::Matrix4d look_at(const tinyxml2::XMLElement& element, const XmlValues& values) {
    const Vec3 origin = values.vector(element, "origin");
    const Vec3 target = values.vector(element, "target");
    const Vec3 dir_raw = target - origin;
    if (dir_raw.norm() == 0.0) values.fail(element, "target", "lookat target equals origin");
    const Vec3 dir = dir_raw.normalized();
    Vec3 up;
    if (element.Attribute("up")) {
        up = values.vector(element, "up");
    } else {
        // Mitsuba picks any vector perpendicular to the view direction when up is omitted.
        up = std::abs(dir.z()) < 0.9 ? Vec3::UnitZ() : Vec3::UnitX();
    }
    const Vec3 left_raw = up.cross(dir);
    if (left_raw.norm() < 1e-12 * std::max(1.0, up.norm()))
        values.fail(element, "up", "lookat up vector is parallel to the view direction");
    const Vec3 left = left_raw.normalized();
    const Vec3 new_up = dir.cross(left);
    // Mitsuba's Transform4f::look_at: columns left, up, direction, origin.
    Eigen::Matrix4d m = Eigen::Matrix4d::Identity();
    m.block<3, 1>(0, 0) = left;
    m.block<3, 1>(0, 1) = new_up;
    m.block<3, 1>(0, 2) = dir;
    m.block<3, 1>(0, 3) = origin;
    return m;
}

Eigen::Matrix4d one_step(const tinyxml2::XMLElement& element, const XmlValues& values) {
    const std::string tag = element.Name();
    Eigen::Matrix4d m = Eigen::Matrix4d::Identity();
    if (tag == "translate") {
        m.block<3, 1>(0, 3) = vector_attributes(element, values, 0.0, false);
    } else if (tag == "scale") {
        m.topLeftCorner<3, 3>() = vector_attributes(element, values, 1.0, true).asDiagonal();
    } else if (tag == "rotate") {
        const Vec3 axis = vector_attributes(element, values, 0.0, false);
        if (axis.norm() == 0.0) values.fail(element, "x", "rotate needs a nonzero axis (x/y/z)");
        m.topLeftCorner<3, 3>() =
            rotation_matrix(axis.normalized(), values.number(element, "angle"));
    } else if (tag == "matrix") {
        const std::string text = values.required(element, "value");
        const bool three = split_list(text).size() == 9;
        const auto v = values.numbers(element, "value", three ? 9 : 16);
        const int n = three ? 3 : 4;
        for (int r = 0; r < n; ++r)
            for (int c = 0; c < n; ++c) m(r, c) = v[static_cast<size_t>(r * n + c)];
        if (!three && (m(3, 0) != 0.0 || m(3, 1) != 0.0 || m(3, 2) != 0.0 || m(3, 3) != 1.0))
            values.fail(element, "value",
                        "projective matrices are not supported (last row must be 0 0 0 1)");
    } else if (tag == "lookat") {
        m = look_at(element, values);
    } else {
        values.fail(element, tag, "unknown transform element <" + tag + ">");
    }
    return m;
}

}  // namespace

Eigen::Matrix4d parse_transform(const tinyxml2::XMLElement& transform, const XmlValues& values) {
    Eigen::Matrix4d m = Eigen::Matrix4d::Identity();
    for (auto* child = transform.FirstChildElement(); child; child = child->NextSiblingElement())
        m = one_step(*child, values) * m;
    return m;
}

}  // namespace rps
