// Scene loader: the shared reference scenes load with the right geometry and materials, every
// supported Mitsuba/Sionna form is understood, and bad input names file, line and field.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <set>
#include <string>

#include "core/scene/itu_material_names.hpp"
#include "core/scene/obj_reader.hpp"
#include "core/scene/scene_loader.hpp"
#include "scene/scene_test_files.hpp"
#include "support/test_paths.hpp"

namespace rps {
namespace {

using test::expect_input_error;
using test::TempFolder;

std::filesystem::path shared_scene(const std::string& relative) {
    return test::shared_scenes_dir() / relative;
}

Aabb shape_bounds(const Scene& scene, const SceneShape& shape) {
    Aabb box;
    for (uint32_t t = shape.first_triangle; t < shape.first_triangle + shape.triangle_count; ++t)
        for (uint32_t v : scene.triangles[t]) box.extend(scene.vertices[v]);
    return box;
}

void expect_bounds(const Scene& scene, size_t shape, const Vec3& lower, const Vec3& upper) {
    SCOPED_TRACE("shape " + scene.shapes.at(shape).id);
    const Aabb box = shape_bounds(scene, scene.shapes.at(shape));
    for (int a = 0; a < 3; ++a) {
        EXPECT_NEAR(box.lower[a], lower[a], 1e-9) << "axis " << a;
        EXPECT_NEAR(box.upper[a], upper[a], 1e-9) << "axis " << a;
    }
}

const RadioMaterial& material_of(const Scene& scene, const std::string& shape_id) {
    for (const auto& shape : scene.shapes)
        if (shape.id == shape_id) return scene.materials.at(shape.material_index);
    throw std::runtime_error("no shape " + shape_id);
}

// A scene XML in a temporary folder; `body` goes inside <scene>.
std::filesystem::path write_scene(const TempFolder& folder, const std::string& body,
                                  const std::string& name = "scene.xml") {
    return folder.write(name, "<scene version=\"3.0.0\">\n" + body + "</scene>\n");
}

const std::string kConcrete =
    "<bsdf type=\"itu-radio-material\" id=\"concrete\">\n"
    "  <string name=\"type\" value=\"concrete\"/>\n"
    "</bsdf>\n";

// ---- the shared reference scenes --------------------------------------------------------------

TEST(SceneLoader, EverySharedSceneLoads) {
    int loaded = 0;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(test::shared_scenes_dir())) {
        if (entry.path().extension() != ".xml") continue;
        SCOPED_TRACE(entry.path().string());
        const Scene scene = load_scene(entry.path());
        ++loaded;
        EXPECT_GT(scene.triangles.size(), 0u);
        EXPECT_FALSE(scene.shapes.empty());
        EXPECT_EQ(scene.triangle_shape.size(), scene.triangles.size());
        for (const auto& shape : scene.shapes) {
            ASSERT_LT(shape.material_index, scene.materials.size()) << shape.id;
            EXPECT_GT(shape.triangle_count, 0u) << shape.id;
            EXPECT_GT(shape.source_line, 0) << shape.id;
        }
        for (const auto& material : scene.materials) {
            EXPECT_TRUE(is_itu_material_type(material.itu_type)) << material.id;
            EXPECT_GE(material.thickness_m, 0.0) << material.id;
        }
        for (const auto& triangle : scene.triangles)
            for (uint32_t v : triangle) ASSERT_LT(v, scene.vertices.size());
    }
    EXPECT_GE(loaded, 8);
}

TEST(SceneLoader, StreetCanyonMaterials) {
    const Scene scene =
        load_scene(shared_scene("sionna/simple_street_canyon/simple_street_canyon.xml"));
    std::set<std::string> types;
    for (const auto& material : scene.materials) {
        types.insert(material.itu_type);
        EXPECT_DOUBLE_EQ(material.thickness_m, 0.1) << material.id;
    }
    EXPECT_EQ(types, (std::set<std::string>{"glass", "wood", "marble", "brick", "concrete"}));
    EXPECT_EQ(scene.shapes.size(), 7u);
    EXPECT_EQ(material_of(scene, "mesh-building_1").itu_type, "glass");
    EXPECT_EQ(material_of(scene, "mesh-building_1").id, "mat-itu_glass");
    EXPECT_EQ(material_of(scene, "mesh-building_4").itu_type, "marble");
    EXPECT_EQ(material_of(scene, "mesh-floor").itu_type, "concrete");
    // Six closed buildings, each warned about; the floor is open.
    size_t closed = 0;
    for (const auto& shape : scene.shapes) closed += shape.closed ? 1 : 0;
    EXPECT_EQ(closed, 6u);
    EXPECT_EQ(scene.warnings.size(), 6u);
    EXPECT_NE(scene.shapes.back().mesh_file.find("floor.ply"), std::string::npos);
}

TEST(SceneLoader, BoxOneScreenThicknesses) {
    const Scene scene = load_scene(shared_scene("sionna/box_one_screen/box_one_screen.xml"));
    const RadioMaterial& box = material_of(scene, "mesh-box");
    EXPECT_EQ(box.itu_type, "metal");
    EXPECT_DOUBLE_EQ(box.thickness_m, 1.0);
    const RadioMaterial& screen = material_of(scene, "mesh-screen");
    EXPECT_EQ(screen.itu_type, "glass");
    EXPECT_DOUBLE_EQ(screen.thickness_m, 0.01);
    ASSERT_EQ(scene.warnings.size(), 1u);
    EXPECT_NE(scene.warnings[0].find("'mesh-box'"), std::string::npos);
    EXPECT_NE(scene.warnings[0].find("two slabs"), std::string::npos);
}

TEST(SceneLoader, LegacyTwosidedIdsAndSkippedRenderingElements) {
    const Scene scene = load_scene(shared_scene("sionna/floor_wall/floor_wall.xml"));
    EXPECT_EQ(material_of(scene, "mesh-floor").itu_type, "concrete");
    EXPECT_EQ(material_of(scene, "mesh-wall").itu_type, "brick");
    EXPECT_EQ(material_of(scene, "mesh-wall").id, "mat-itu_brick");
    EXPECT_TRUE(scene.warnings.empty());  // sensor, emitter, integrator: skipped silently
}

TEST(SceneLoader, LShapeSeedSceneLoadsExactlyAsWritten) {
    const Scene scene = load_scene(shared_scene("seed/l_shape_scene.xml"));
    ASSERT_EQ(scene.shapes.size(), 4u);
    EXPECT_EQ(scene.shapes[0].id, "rectangle#0");
    EXPECT_EQ(scene.shapes[1].id, "cube#1");
    EXPECT_EQ(scene.shapes[2].id, "rectangle#2");
    EXPECT_EQ(scene.shapes[3].id, "rectangle#3");
    EXPECT_EQ(scene.shapes[0].source_line, 21);
    EXPECT_EQ(scene.triangles.size(), 2u + 12u + 2u + 2u);

    expect_bounds(scene, 0, {-10, -10, 0}, {20, 20, 0});  // floor
    expect_bounds(scene, 1, {-13, -13, 0}, {3, 3, 3});    // corner blocker
    expect_bounds(scene, 2, {-10, -3, 0}, {20, -3, 3});   // south wall
    expect_bounds(scene, 3, {0, 5, 0}, {30, 5, 3});       // "East wall": really on y = 5
    // Quarter-turn rotations are exact: the walls lie exactly on their planes.
    for (uint32_t v : scene.triangles[scene.shapes[3].first_triangle]) {
        EXPECT_EQ(scene.vertices[v].y(), 5.0);
    }

    EXPECT_EQ(material_of(scene, "rectangle#0").itu_type, "concrete");
    EXPECT_EQ(material_of(scene, "cube#1").itu_type, "plasterboard");
    EXPECT_EQ(material_of(scene, "rectangle#3").id, "itu_plasterboard");
    for (const auto& material : scene.materials) EXPECT_DOUBLE_EQ(material.thickness_m, 0.1);

    EXPECT_TRUE(scene.shapes[1].closed);
    EXPECT_FALSE(scene.shapes[0].closed);
    ASSERT_EQ(scene.warnings.size(), 1u);
    EXPECT_NE(scene.warnings[0].find("'cube#1'"), std::string::npos);
}

// Two open shapes of different materials over each other on one plane (a window drawn on a wall
// instead of into a hole in it) are a modelling error: the image method reflects on both at one
// point and a path through them crosses both. Warned about, naming both; a window set into its
// wall (sharing edges only), the same material twice (one face) and a closed solid resting on
// the floor are not; an open shape of the solid's material on the same spot ('shelf', one face
// with the solid's base) is, and the solid, met first, no longer hides it. A cube scaled flat is
// a sheet (its sides merge into one face, one slab): no "closed solid" warning, which a 1 cm
// thick cube keeps.
TEST(SceneLoader, OverlappingShapesOfDifferentMaterialsAreWarnedAbout) {
    TempFolder folder;
    const auto file = write_scene(folder, R"(
<bsdf type="itu-radio-material" id="metal"><string name="type" value="metal"/></bsdf>
<bsdf type="itu-radio-material" id="glass"><string name="type" value="glass"/></bsdf>
<bsdf type="itu-radio-material" id="wood"><string name="type" value="wood"/></bsdf>
<shape type="rectangle" id="wall"><transform name="to_world"><scale x="5" y="2"/></transform>
  <ref id="metal"/></shape>
<shape type="rectangle" id="drawn-on"><transform name="to_world"><translate x="1"/></transform>
  <ref id="glass"/></shape>
<shape type="rectangle" id="set-in"><transform name="to_world"><translate x="6"/></transform>
  <ref id="glass"/></shape>
<shape type="rectangle" id="twin"><transform name="to_world"><translate x="6"/></transform>
  <ref id="glass"/></shape>
<shape type="cube" id="cabinet"><transform name="to_world"><translate x="-2" z="1"/></transform>
  <ref id="wood"/></shape>
<shape type="cube" id="sheet"><transform name="to_world"><scale z="0"/><translate z="5"/>
  </transform><ref id="wood"/></shape>
<shape type="cube" id="board"><transform name="to_world"><scale z="0.005"/><translate z="9"/>
  </transform><ref id="wood"/></shape>
<shape type="rectangle" id="shelf"><transform name="to_world"><scale x="0.5" y="0.5"/>
  <translate x="-2"/></transform><ref id="wood"/></shape>
)");
    const Scene scene = load_scene(file);
    ASSERT_EQ(scene.warnings.size(), 4u) << testing::PrintToString(scene.warnings);
    EXPECT_NE(scene.warnings[0].find("'cabinet' is a closed solid"), std::string::npos)
        << scene.warnings[0];
    EXPECT_NE(scene.warnings[1].find("'board' is a closed solid"), std::string::npos)
        << scene.warnings[1];
    const auto overlap_of = [&](const char* shape) {
        for (const std::string& w : scene.warnings)
            if (w.find(shape) != std::string::npos && w.find("overlap on one plane") != w.npos)
                return w;
        return std::string("no overlap warning names ") + shape;
    };
    const std::string drawn_on = overlap_of("'drawn-on'");
    for (const char* part : {"'wall'", "'metal'", "'glass'", ".xml:"})
        EXPECT_NE(drawn_on.find(part), std::string::npos) << part << "\n" << drawn_on;
    const std::string shelf = overlap_of("'shelf'");
    for (const char* part : {"'wall'", "'metal'", "'wood'"})
        EXPECT_NE(shelf.find(part), std::string::npos) << part << "\n" << shelf;
}

// ---- geometry and transforms ------------------------------------------------------------------

TEST(SceneLoader, PrimitiveShapes) {
    TempFolder folder;
    const auto file =
        write_scene(folder, kConcrete +
                                "<shape type=\"disk\" id=\"d\"><ref id=\"concrete\"/></shape>\n"
                                "<shape type=\"cube\" id=\"c\"><ref id=\"concrete\"/></shape>\n");
    const Scene scene = load_scene(file);
    ASSERT_EQ(scene.shapes.size(), 2u);
    EXPECT_EQ(scene.shapes[0].triangle_count, 64u);
    EXPECT_FALSE(scene.shapes[0].closed);
    for (uint32_t t = 0; t < 64; ++t) {
        const auto& tri = scene.triangles[t];
        const Vec3 n = (scene.vertices[tri[1]] - scene.vertices[tri[0]])
                           .cross(scene.vertices[tri[2]] - scene.vertices[tri[0]]);
        EXPECT_GT(n.z(), 0.0);  // normal +z
        for (uint32_t v : tri) EXPECT_LE(scene.vertices[v].norm(), 1.0 + 1e-12);
    }
    // Cube: outward normals on all 12 triangles.
    EXPECT_TRUE(scene.shapes[1].closed);
    for (uint32_t t = 64; t < 76; ++t) {
        const auto& tri = scene.triangles[t];
        const Vec3 a = scene.vertices[tri[0]], b = scene.vertices[tri[1]],
                   c = scene.vertices[tri[2]];
        EXPECT_GT((b - a).cross(c - a).dot((a + b + c) / 3.0), 0.0) << "triangle " << t;
    }
    expect_bounds(scene, 1, {-1, -1, -1}, {1, 1, 1});
}

// The transform of each shape applied to the unit rectangle's corner (1, 1, 0).
Vec3 transformed_corner(const std::string& transform_children) {
    TempFolder folder;
    const auto file = write_scene(
        folder, kConcrete +
                    "<default name=\"two\" value=\"2\"/>\n"
                    "<shape type=\"rectangle\"><transform name=\"to_world\">" +
                    transform_children + "</transform><ref id=\"concrete\"/></shape>\n");
    const Scene scene = load_scene(file);
    return scene.vertices.at(2);  // rectangle vertex 2 is (1, 1, 0)
}

void expect_vec(const Vec3& actual, const Vec3& expected) {
    EXPECT_NEAR((actual - expected).norm(), 0.0, 1e-12)
        << "actual (" << actual.transpose() << "), expected (" << expected.transpose() << ")";
}

TEST(SceneTransforms, AppliedInDocumentOrder) {
    expect_vec(transformed_corner("<scale value=\"3\"/><translate x=\"1\"/>"), {4, 3, 0});
    expect_vec(transformed_corner("<translate x=\"1\"/><scale value=\"3\"/>"), {6, 3, 0});
    expect_vec(transformed_corner("<translate value=\"1 2 3\"/>"), {2, 3, 3});
    expect_vec(transformed_corner("<scale value=\"2, 3, 4\"/>"), {2, 3, 0});
    expect_vec(transformed_corner("<scale x=\"2\"/>"), {2, 1, 0});  // y, z default to 1
    expect_vec(transformed_corner("<scale x=\"$two\" y=\"$two\"/>"), {2, 2, 0});
}

TEST(SceneTransforms, RotateIsRightHandedInDegrees) {
    expect_vec(transformed_corner("<rotate z=\"1\" angle=\"90\"/>"), {-1, 1, 0});
    expect_vec(transformed_corner("<rotate x=\"1\" angle=\"90\"/>"), {1, 0, 1});
    expect_vec(transformed_corner("<rotate y=\"1\" angle=\"90\"/>"), {0, 1, -1});
    expect_vec(transformed_corner("<rotate value=\"0 0 2\" angle=\"180\"/>"), {-1, -1, 0});
    expect_vec(transformed_corner("<rotate z=\"1\" angle=\"45\"/>"), {0, std::sqrt(2.0), 0});
    expect_vec(transformed_corner("<rotate z=\"-1\" angle=\"-450\"/>"), {-1, 1, 0});
}

TEST(SceneTransforms, MatrixAndLookAt) {
    expect_vec(transformed_corner("<matrix value=\"0 -1 0 5  1 0 0 6  0 0 1 7  0 0 0 1\"/>"),
               {4, 7, 7});
    expect_vec(transformed_corner("<matrix value=\"2 0 0 0 2 0 0 0 2\"/>"), {2, 2, 0});
    // Mitsuba look_at: local z -> direction, local x -> up × direction, origin -> origin.
    // Looking from (1, 2, 3) along +x with up +z: x -> (0, 1, 0), y -> (0, 0, 1).
    expect_vec(transformed_corner("<lookat origin=\"1 2 3\" target=\"5 2 3\" up=\"0 0 1\"/>"),
               {1, 3, 4});
}

// ---- materials --------------------------------------------------------------------------------

TEST(SceneMaterials, AllSupportedForms) {
    TempFolder folder;
    const auto file = write_scene(folder, R"(
<bsdf type="itu-radio-material" id="old"><string name="name" value="mat-itu_wood"/></bsdf>
<bsdf type="twosided" id="wrapped"><bsdf type="itu-radio-material">
  <string name="type" value="glass"/><float name="thickness" value="0.02"/></bsdf></bsdf>
<bsdf type="diffuse" id="itu_brick"/>
<bsdf type="radio-material" id="custom">
  <float name="relative_permittivity" value="4.5"/>
  <float name="conductivity" value="0.25"/>
  <float name="thickness" value="0.3"/>
</bsdf>
<bsdf type="radio-material" id="plate"><boolean name="perfect_conductor" value="true"/></bsdf>
<bsdf type="itu-radio-material" id="pec-type"><string name="type" value="pec"/></bsdf>
<bsdf type="diffuse" id="paint"/>
<shape type="rectangle" id="a"><ref id="old"/></shape>
<shape type="rectangle" id="b"><ref name="bsdf" id="wrapped"/></shape>
<shape type="rectangle" id="c"><ref id="itu_brick"/></shape>
<shape type="rectangle" id="d"><ref id="custom"/></shape>
<shape type="rectangle" id="e"><ref id="plate"/></shape>
<shape type="rectangle" id="f"><ref id="pec-type"/></shape>
<shape type="rectangle" id="g">
  <bsdf type="itu-radio-material"><string name="type" value="metal"/></bsdf></shape>
<shape type="rectangle" id="h">
  <bsdf type="twosided" id="mat-itu_marble"><bsdf type="diffuse"/></bsdf></shape>
<shape type="rectangle" id="i"><ref id="later"/></shape>
<bsdf type="itu-radio-material" id="later"><string name="type" value="ceiling_board"/></bsdf>
)");
    const Scene scene = load_scene(file);
    EXPECT_EQ(material_of(scene, "a").itu_type, "wood");
    EXPECT_EQ(material_of(scene, "b").itu_type, "glass");
    EXPECT_EQ(material_of(scene, "b").id, "wrapped");
    EXPECT_DOUBLE_EQ(material_of(scene, "b").thickness_m, 0.02);
    EXPECT_EQ(material_of(scene, "c").itu_type, "brick");
    const RadioMaterial& custom = material_of(scene, "d");
    EXPECT_FALSE(custom.is_itu());
    EXPECT_DOUBLE_EQ(custom.relative_permittivity, 4.5);
    EXPECT_DOUBLE_EQ(custom.conductivity_s_per_m, 0.25);
    EXPECT_DOUBLE_EQ(custom.thickness_m, 0.3);
    EXPECT_FALSE(custom.perfect_conductor);
    EXPECT_TRUE(material_of(scene, "e").perfect_conductor);
    EXPECT_TRUE(material_of(scene, "f").perfect_conductor);
    EXPECT_EQ(material_of(scene, "g").itu_type, "metal");
    EXPECT_EQ(material_of(scene, "g").id, "g.bsdf");
    EXPECT_EQ(material_of(scene, "h").itu_type, "marble");
    EXPECT_EQ(material_of(scene, "i").itu_type, "ceiling_board");
    EXPECT_EQ(scene.find_material("paint"), -1);  // a rendering BSDF is no radio material
}

TEST(SceneMaterials, ParametersInAttributes) {
    TempFolder folder;
    const auto file = write_scene(folder, R"(
<default name="mat" value="brick"/>
<default name="d" value="0.25"/>
<bsdf type="itu-radio-material" id="m"><string name="type" value="$mat"/>
  <float name="thickness" value="$d"/></bsdf>
<shape type="rectangle" id="wall-$mat"><ref id="m"/></shape>
)");
    const Scene scene = load_scene(file);
    EXPECT_EQ(material_of(scene, "wall-brick").itu_type, "brick");
    EXPECT_DOUBLE_EQ(material_of(scene, "wall-brick").thickness_m, 0.25);
}

// ---- meshes -------------------------------------------------------------------------------------

TEST(SceneMeshes, ObjWithNegativeIndicesAndSlashForms) {
    TempFolder folder;
    folder.write("meshes/quad.obj",
                 "# a quad\nmtllib x.mtl\no quad\nv 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\n"
                 "vt 0 0\nvn 0 0 1\nusemtl whatever\ns off\nf 1/1/1 2//1 -2/1 -1\n");
    const auto file =
        write_scene(folder, kConcrete +
                                "<shape type=\"obj\" id=\"q\"><string name=\"filename\" "
                                "value=\"meshes/quad.obj\"/><transform name=\"to_world\">"
                                "<translate z=\"2\"/></transform><ref id=\"concrete\"/></shape>\n");
    const Scene scene = load_scene(file);
    ASSERT_EQ(scene.triangles.size(), 2u);
    EXPECT_EQ(scene.shapes[0].type, "obj");
    EXPECT_EQ(scene.shapes[0].mesh_file, (folder.path() / "meshes/quad.obj").string());
    expect_bounds(scene, 0, {0, 0, 2}, {1, 1, 2});
}

// A closed column with `sides` sides (radius 1 m, 3 m high) as an OBJ: each side two triangles
// in one plane, each cap a fan, so sides + 2 planar faces.
std::string column_obj(int sides) {
    std::string obj;
    for (int ring = 0; ring < 2; ++ring)
        for (int i = 0; i < sides; ++i) {
            const double a = 2.0 * std::numbers::pi * i / sides;
            obj += "v " + std::to_string(std::cos(a)) + " " + std::to_string(std::sin(a)) + " " +
                   std::to_string(3 * ring) + "\n";
        }
    obj += "v 0 0 0\nv 0 0 3\n";
    const auto bottom = [](int i, int n) { return std::to_string(1 + i % n); };
    const auto top = [](int i, int n) { return std::to_string(1 + n + i % n); };
    const std::string centre_bottom = std::to_string(2 * sides + 1);
    const std::string centre_top = std::to_string(2 * sides + 2);
    for (int i = 0; i < sides; ++i) {
        const int n = sides;
        obj += "f " + bottom(i, n) + " " + bottom(i + 1, n) + " " + top(i + 1, n) + "\n";
        obj += "f " + bottom(i, n) + " " + top(i + 1, n) + " " + top(i, n) + "\n";
        obj += "f " + centre_bottom + " " + bottom(i + 1, n) + " " + bottom(i, n) + "\n";
        obj += "f " + centre_top + " " + top(i, n) + " " + top(i + 1, n) + "\n";
    }
    return obj;
}

// A curved shape whose triangles lie in more than kManyFacesPerShape (64) planar faces makes
// every map slow (each face is a mirror): warned about, naming the shape, where it is declared
// and its face count. A 62-sided column (64 faces) is not.
TEST(SceneMeshes, ShapesOfManyPlanarFacesAreWarnedAbout) {
    for (const int sides : {62, 63}) {
        TempFolder folder;
        folder.write("column.obj", column_obj(sides));
        const auto file =
            write_scene(folder, kConcrete +
                                    "<shape type=\"obj\" id=\"column\"><string name=\"filename\" "
                                    "value=\"column.obj\"/><ref id=\"concrete\"/></shape>\n");
        const Scene scene = load_scene(file);
        std::vector<std::string> many;
        for (const std::string& warning : scene.warnings)
            if (warning.find("planar faces") != std::string::npos) many.push_back(warning);
        if (sides == 62) {
            EXPECT_TRUE(many.empty()) << testing::PrintToString(many);
            continue;
        }
        ASSERT_EQ(many.size(), 1u) << testing::PrintToString(scene.warnings);
        for (const std::string& part : {std::string("'column'"), file.string() + ":5",
                                        std::string("forms 65 planar faces of the scene's 65")})
            EXPECT_NE(many[0].find(part), std::string::npos) << part << "\n" << many[0];
    }
}

TEST(SceneMeshes, ObjErrorsNameFileAndLine) {
    TempFolder folder;
    const auto obj = folder.write("bad.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 4\n");
    const auto file =
        write_scene(folder, kConcrete +
                                "<shape type=\"obj\" id=\"q\"><string name=\"filename\" "
                                "value=\"bad.obj\"/><ref id=\"concrete\"/></shape>\n");
    const std::string message =
        expect_input_error([&] { load_scene(file); }, obj, 4, "f", "out of range");
    EXPECT_NE(message.find("shape 'q'"), std::string::npos) << message;
    const auto coordinate = folder.write("coord.obj", "v 0 0 0\nv 1 zero 0\n");
    expect_input_error([&] { read_obj(coordinate); }, coordinate, 2, "v", "'zero'");
    const auto zero = folder.write("zero.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 0 1 2\n");
    expect_input_error([&] { read_obj(zero); }, zero, 4, "f", "malformed face vertex");
}

TEST(SceneMeshes, PlyErrorInsideShapeNamesBoth) {
    TempFolder folder;
    const auto ply = folder.write("bad.ply", "ply\nformat ascii 1.0\nelement vertex 1\nend\n");
    const auto file =
        write_scene(folder, kConcrete +
                                "<shape type=\"ply\" id=\"p\"><string name=\"filename\" "
                                "value=\"bad.ply\"/><ref id=\"concrete\"/></shape>\n");
    const std::string message =
        expect_input_error([&] { load_scene(file); }, ply, 4, "header", "bad header line");
    EXPECT_NE(message.find("shape 'p'"), std::string::npos) << message;
    EXPECT_NE(message.find("scene.xml:5"), std::string::npos) << message;
}

// ---- errors ---------------------------------------------------------------------------------

TEST(SceneLoaderErrors, MissingFile) {
    TempFolder folder;
    const auto file = folder.path() / "nowhere.xml";
    expect_input_error([&] { load_scene(file); }, file, 0, "", "not found");
}

TEST(SceneLoaderErrors, XmlParseErrorHasLine) {
    TempFolder folder;
    const auto file = folder.write(
        "broken.xml", "<scene>\n<bsdf type=\"diffuse\"/>\n<shape type=cube>\n</scene>\n");
    expect_input_error([&] { load_scene(file); }, file, 3, "", "malformed XML");
    // A mismatched closing tag is reported on the line of the element left open.
    const auto open =
        folder.write("open.xml", "<scene>\n<bsdf type=\"diffuse\">\n</shape>\n</scene>\n");
    expect_input_error([&] { load_scene(open); }, open, 2, "", "malformed XML");
    const auto root = folder.write("root.xml", "<mitsuba>\n</mitsuba>\n");
    expect_input_error([&] { load_scene(root); }, root, 1, "scene", "<scene>");
}

TEST(SceneLoaderErrors, UnknownShapeType) {
    TempFolder folder;
    const auto file = write_scene(folder, kConcrete +
                                              "\n<shape type=\"sphere\" id=\"ball\">\n"
                                              "<ref id=\"concrete\"/></shape>\n");
    expect_input_error([&] { load_scene(file); }, file, 6, "type", "'sphere'");
}

TEST(SceneLoaderErrors, UnknownMaterialReference) {
    TempFolder folder;
    const auto file = write_scene(folder, kConcrete +
                                              "<shape type=\"rectangle\" id=\"w\">\n"
                                              "  <ref id=\"itu_konkrete\"/>\n</shape>\n");
    const std::string message =
        expect_input_error([&] { load_scene(file); }, file, 6, "id", "'itu_konkrete'");
    EXPECT_NE(message.find("shape 'w'"), std::string::npos) << message;
}

TEST(SceneLoaderErrors, ReferenceToRenderingBsdf) {
    TempFolder folder;
    const auto file = write_scene(folder,
                                  "<bsdf type=\"diffuse\" id=\"paint\"/>\n"
                                  "<shape type=\"rectangle\" id=\"w\"><ref id=\"paint\"/>"
                                  "</shape>\n");
    expect_input_error([&] { load_scene(file); }, file, 3, "id", "not a radio material");
}

TEST(SceneLoaderErrors, ShapeWithoutMaterial) {
    TempFolder folder;
    const auto file = write_scene(folder, "<shape type=\"cube\" id=\"lonely\"/>\n");
    expect_input_error([&] { load_scene(file); }, file, 2, "bsdf",
                       "shape 'lonely' has no material");
    const auto anonymous = write_scene(folder, "\n<shape type=\"cube\"/>\n", "anon.xml");
    expect_input_error([&] { load_scene(anonymous); }, anonymous, 3, "bsdf", "'cube#0'");
    const auto two = write_scene(folder,
                                 kConcrete +
                                     "<shape type=\"cube\" id=\"x\">"
                                     "<ref id=\"concrete\"/>\n<ref id=\"concrete\"/>"
                                     "</shape>\n",
                                 "two.xml");
    expect_input_error([&] { load_scene(two); }, two, 6, "bsdf", "more than one BSDF");
}

TEST(SceneLoaderErrors, UnknownItuType) {
    TempFolder folder;
    const auto file = write_scene(folder,
                                  "<bsdf type=\"itu-radio-material\" id=\"m\">\n"
                                  "  <string name=\"type\" value=\"unobtainium\"/>\n"
                                  "</bsdf>\n");
    expect_input_error([&] { load_scene(file); }, file, 3, "type", "unknown ITU material type");
    const auto legacy =
        write_scene(folder, "<bsdf type=\"diffuse\" id=\"mat-itu_cheese\"/>\n", "legacy.xml");
    expect_input_error([&] { load_scene(legacy); }, legacy, 2, "id", "'cheese'");
    const auto missing =
        write_scene(folder, "<bsdf type=\"itu-radio-material\" id=\"m\"/>\n", "missing.xml");
    expect_input_error([&] { load_scene(missing); }, missing, 2, "type", "missing ITU");
}

TEST(SceneLoaderErrors, MalformedNumbers) {
    TempFolder folder;
    const auto scale = write_scene(folder, kConcrete +
                                               "<shape type=\"rectangle\">\n"
                                               "<transform name=\"to_world\">\n"
                                               "  <scale x=\"1.0x\"/>\n"
                                               "</transform><ref id=\"concrete\"/></shape>\n");
    expect_input_error([&] { load_scene(scale); }, scale, 7, "x", "malformed number '1.0x'");
    const auto thickness = write_scene(folder,
                                       "<bsdf type=\"itu-radio-material\" id=\"m\">\n"
                                       "  <string name=\"type\" value=\"glass\"/>\n"
                                       "  <float name=\"thickness\" value=\"1.0x\"/>\n"
                                       "</bsdf>\n",
                                       "thickness.xml");
    expect_input_error([&] { load_scene(thickness); }, thickness, 4, "thickness", "'1.0x'");
    const auto vector = write_scene(folder,
                                    kConcrete +
                                        "<shape type=\"rectangle\">\n"
                                        "<transform name=\"to_world\">"
                                        "<translate value=\"1 2\"/>"
                                        "</transform><ref id=\"concrete\"/></shape>\n",
                                    "vector.xml");
    expect_input_error([&] { load_scene(vector); }, vector, 6, "value", "expected 3 numbers");
    const auto negative = write_scene(folder,
                                      "<bsdf type=\"radio-material\" id=\"m\">\n"
                                      "<float name=\"thickness\" value=\"-1\"/></bsdf>\n",
                                      "negative.xml");
    expect_input_error([&] { load_scene(negative); }, negative, 3, "thickness", "negative");
}

TEST(SceneLoaderErrors, UndefinedParameter) {
    TempFolder folder;
    const auto file = write_scene(folder, kConcrete +
                                              "<shape type=\"rectangle\">\n"
                                              "<transform name=\"to_world\">"
                                              "<scale value=\"$size\"/></transform>"
                                              "<ref id=\"concrete\"/></shape>\n");
    expect_input_error([&] { load_scene(file); }, file, 6, "value", "'$size'");
}

TEST(SceneLoaderErrors, MeshFileProblems) {
    TempFolder folder;
    const auto nofile = write_scene(folder, kConcrete +
                                                "<shape type=\"ply\" id=\"p\">\n"
                                                "<ref id=\"concrete\"/></shape>\n");
    expect_input_error([&] { load_scene(nofile); }, nofile, 5, "filename", "shape 'p'");
    const auto missing = write_scene(folder,
                                     kConcrete +
                                         "<shape type=\"ply\" id=\"p\">\n"
                                         "<string name=\"filename\" value=\"gone.ply\"/>"
                                         "<ref id=\"concrete\"/></shape>\n",
                                     "missing.xml");
    expect_input_error([&] { load_scene(missing); }, missing, 6, "filename", "not found");
}

TEST(SceneLoaderErrors, DuplicateIdsAndTransformTypos) {
    TempFolder folder;
    const auto dup = write_scene(folder, kConcrete + kConcrete);
    expect_input_error([&] { load_scene(dup); }, dup, 5, "id", "duplicate id 'concrete'");
    const auto typo = write_scene(folder,
                                  kConcrete +
                                      "<shape type=\"rectangle\">"
                                      "<transform name=\"to_world\">\n"
                                      "<translat x=\"1\"/></transform>"
                                      "<ref id=\"concrete\"/></shape>\n",
                                  "typo.xml");
    expect_input_error([&] { load_scene(typo); }, typo, 6, "translat", "unknown transform");
    const auto axis = write_scene(folder,
                                  kConcrete +
                                      "<shape type=\"rectangle\">"
                                      "<transform name=\"to_world\">\n"
                                      "<rotate angle=\"90\"/></transform>"
                                      "<ref id=\"concrete\"/></shape>\n",
                                  "axis.xml");
    expect_input_error([&] { load_scene(axis); }, axis, 6, "x", "nonzero axis");
}

// Random corruption of a valid scene: errors, never crashes.
TEST(SceneLoaderErrors, CorruptedXmlNeverCrashes) {
    const std::string original = R"(<scene version="2.0.0">
<default name="s" value="2"/>
<bsdf type="itu-radio-material" id="c"><string name="type" value="concrete"/>
<float name="thickness" value="0.2"/></bsdf>
<shape type="rectangle" id="r"><transform name="to_world"><scale value="$s"/>
<rotate x="1" angle="90"/><translate value="1 2 3"/></transform><ref id="c"/></shape>
<shape type="cube"><bsdf type="twosided" id="mat-itu_wood"/></shape>
</scene>
)";
    std::mt19937 random(7);
    int errors = 0;
    for (int round = 0; round < 2000; ++round) {
        std::string text = original;
        const size_t at = random() % text.size();
        switch (random() % 3) {
            case 0: text[at] = static_cast<char>(random()); break;
            case 1: text.erase(at, 1 + random() % 8); break;
            default: text.insert(at, 1, "<>\"$/ 0x"[random() % 8]); break;
        }
        try {
            parse_scene_xml(text, "fuzz.xml");
        } catch (const InputError& error) {
            EXPECT_EQ(error.where().file, "fuzz.xml");
            ++errors;
        }
    }
    EXPECT_GT(errors, 0);
}

}  // namespace
}  // namespace rps
