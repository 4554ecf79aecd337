#pragma once
// The bundled office example, loaded once per test program.
#include "core/scene/scene.hpp"
#include "core/scene/scene_loader.hpp"
#include "tests/support/test_paths.hpp"

namespace rps::test {

inline const Scene& office_scene() {
    static const Scene scene = load_scene(source_dir() / "scenes/office/office.xml");
    return scene;
}

}  // namespace rps::test
