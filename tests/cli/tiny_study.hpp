#pragma once
// The CLI tests' smallest real study (`rps run` takes about a second): two APs and a plate on the
// L hall's west wall, reflection order 1, a few layouts only.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/test_paths.hpp"

namespace rps::test {

inline std::filesystem::path l_hall() { return source_dir() / "scenes" / "l_hall" / "l_hall.xml"; }

inline nlohmann::json tiny_reflector_study() {
    return {{"name", "tiny_reflector"},
            {"description", "CLI test: a few layouts only"},
            {"scene", l_hall().string()},
            {"radio", {{"max_order", 1}}},
            {"mode", "2ap_reflector"},
            {"bounds",
             {{"x_m", {1, 19}}, {"y_m", {1, 9}}, {"ap_z_m", 3.0}, {"min_ap_separation_m", 3.0}}},
            {"reflector",
             {{"top_left", {0, 2, 3}},
              {"bottom_right", {0, 8, 1}},
              {"facing", {1, 0, 0}},
              {"thickness_m", 0.004},
              {"focal_x_m", {1, 9}},
              {"focal_y_m", {1, 19}}}},
            {"methods",
             {{{"type", "halving"}, {"candidates", 8}, {"keep_fraction", 0.5}},
              {{"type", "ga"}, {"population", 4}, {"generations", 1}}}},
            {"seed", 11},
            {"compute", {{"workers", 2}, {"task_timeout_s", 60}}}};
}

// The same study with one AP and no plate, searched by `methods`.
inline nlohmann::json tiny_1ap_study(nlohmann::json methods) {
    nlohmann::json study = tiny_reflector_study();
    study["mode"] = "1ap";
    study.erase("reflector");
    study["methods"] = std::move(methods);
    return study;
}

}  // namespace rps::test
