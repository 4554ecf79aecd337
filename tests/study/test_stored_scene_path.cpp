// Where a stored study's scene is looked for (stored_scene_path.hpp): where the study ran, then
// beside the store and the study file by its name; the error lists every place tried.
#include <gtest/gtest.h>

#include <fstream>

#include "core/study/stored_scene_path.hpp"
#include "support/temp_dir.hpp"

namespace rps {
namespace {

namespace fs = std::filesystem;

TEST(StoredScenePath, AbsoluteSceneThenItsNameBesideTheStoreAndTheStudyFile) {
    const nlohmann::json wrapper = {{"source_file", "/old/project/study.json"}};
    const auto candidates =
        stored_scene_candidates(wrapper, "/old/project/hall.xml", "/new/place/s.h5");
    const std::vector<fs::path> expected = {"/old/project/hall.xml", "/new/place/hall.xml"};
    EXPECT_EQ(candidates, expected);  // the study file's folder is the scene's: no repeat
}

TEST(StoredScenePath, RelativeSceneFromTheStudyFileTheStoreAndTheCurrentFolder) {
    const nlohmann::json wrapper = {{"study_file", "/old/project/study.json"}};
    const auto candidates = stored_scene_candidates(wrapper, "scenes/hall.xml", "/new/s.h5");
    const std::vector<fs::path> expected = {
        "/old/project/scenes/hall.xml", "/new/scenes/hall.xml",
        (fs::current_path() / "scenes/hall.xml").lexically_normal(), "/new/hall.xml",
        "/old/project/hall.xml"};
    EXPECT_EQ(candidates, expected);
}

TEST(StoredScenePath, FoundBesideTheStoreOrNamedWithEveryPlaceTried) {
    test::TempDir dir;
    const fs::path store = dir / "s.h5";
    const nlohmann::json wrapper = nlohmann::json::object();  // a store without its study file
    try {
        resolve_stored_scene(wrapper, "/gone/hall.xml", store, "give it with --scene");
        FAIL() << "no scene anywhere";
    } catch (const StoredSceneNotFound& error) {
        const std::string text = error.what();
        EXPECT_EQ(error.where().field, "scene");
        EXPECT_NE(text.find(store.string()), std::string::npos) << text;
        EXPECT_NE(text.find("tried /gone/hall.xml, " + (dir / "hall.xml").string()),
                  std::string::npos)
            << text;
        EXPECT_NE(text.find("give it with --scene"), std::string::npos) << text;
    }
    std::ofstream(dir / "hall.xml") << "<scene/>";
    EXPECT_EQ(resolve_stored_scene(wrapper, "/gone/hall.xml", store, ""), dir / "hall.xml");
    EXPECT_THROW(resolve_stored_scene(wrapper, "", store, ""), StoredSceneNotFound);
}

}  // namespace
}  // namespace rps
