// PLY reader: the three encodings read alike, unknown properties and elements are skipped, and
// every malformed or hostile file is an InputError that says where, never a crash.
#include <gtest/gtest.h>

#include <bit>
#include <cstring>
#include <random>
#include <string>

#include "core/scene/ply_reader.hpp"
#include "scene/scene_test_files.hpp"
#include "support/test_paths.hpp"

namespace rps {
namespace {

using test::expect_input_error;
using test::TempFolder;

enum class Encoding { Ascii, LittleEndian, BigEndian };

const char* format_name(Encoding encoding) {
    switch (encoding) {
        case Encoding::Ascii: return "ascii";
        case Encoding::LittleEndian: return "binary_little_endian";
        case Encoding::BigEndian: return "binary_big_endian";
    }
    return "";
}

// Writes PLY data values in one encoding.
class PlyWriter {
public:
    explicit PlyWriter(Encoding encoding) : encoding_(encoding) {}

    template <class T>
    PlyWriter& put(T value) {
        if (encoding_ == Encoding::Ascii) {
            if constexpr (sizeof(T) == 1)
                bytes_ += std::to_string(static_cast<int>(value));
            else
                bytes_ += std::to_string(value);
            bytes_ += ' ';
            return *this;
        }
        char raw[sizeof(T)];
        std::memcpy(raw, &value, sizeof(T));
        const bool big = encoding_ == Encoding::BigEndian;
        if (big != (std::endian::native == std::endian::big))
            for (size_t i = 0; i < sizeof(T) / 2; ++i) std::swap(raw[i], raw[sizeof(T) - 1 - i]);
        bytes_.append(raw, sizeof(T));
        return *this;
    }
    PlyWriter& end_item() {
        if (encoding_ == Encoding::Ascii) bytes_ += '\n';
        return *this;
    }
    const std::string& bytes() const { return bytes_; }

private:
    Encoding encoding_;
    std::string bytes_;
};

const Vec3 kPositions[] = {{0, 0, 0}, {2, 0, 0}, {2, 1, 0}, {0, 1, 0}, {1, 0.5, 3}};

// A pyramid-ish mesh with the awkward parts real exporters produce: coordinates interleaved
// with other properties of other types, an unknown element before the faces and a list-valued
// unknown element after them, a quad to fan-triangulate.
std::string sample_ply(Encoding encoding) {
    std::string text = std::string("ply\nformat ") + format_name(encoding) + " 1.0\n" +
                       "comment written by the test\n"
                       "element vertex 5\n"
                       "property double nx\n"
                       "property float x\n"
                       "property uchar red\n"
                       "property double y\n"
                       "property float32 z\n"
                       "property int16 s\n"
                       "element edge 2\n"
                       "property int vertex1\n"
                       "property int vertex2\n"
                       "element face 2\n"
                       "property uchar flags\n"
                       "property list uchar int vertex_indices\n"
                       "element material 1\n"
                       "property list uint float params\n"
                       "end_header\n";
    PlyWriter w(encoding);
    for (const Vec3& p : kPositions) {
        w.put<double>(0.25).put<float>(static_cast<float>(p.x())).put<uint8_t>(200);
        w.put<double>(p.y()).put<float>(static_cast<float>(p.z())).put<int16_t>(-3).end_item();
    }
    w.put<int32_t>(0).put<int32_t>(1).end_item();
    w.put<int32_t>(1).put<int32_t>(2).end_item();
    w.put<uint8_t>(7).put<uint8_t>(4).put<int32_t>(0).put<int32_t>(1).put<int32_t>(2);
    w.put<int32_t>(3).end_item();
    w.put<uint8_t>(7).put<uint8_t>(3).put<int32_t>(0).put<int32_t>(1).put<int32_t>(4).end_item();
    w.put<uint32_t>(2).put<float>(1.5f).put<float>(2.5f).end_item();
    return text + w.bytes();
}

void expect_sample_mesh(const TriangleMesh& mesh) {
    ASSERT_EQ(mesh.vertices.size(), 5u);
    for (size_t i = 0; i < 5; ++i) EXPECT_EQ(mesh.vertices[i], kPositions[i]) << "vertex " << i;
    const std::vector<std::array<uint32_t, 3>> expected = {{0, 1, 2}, {0, 2, 3}, {0, 1, 4}};
    EXPECT_EQ(mesh.triangles, expected);
}

TEST(PlyReader, AsciiLittleAndBigEndianReadAlike) {
    TempFolder folder;
    for (Encoding encoding : {Encoding::Ascii, Encoding::LittleEndian, Encoding::BigEndian}) {
        SCOPED_TRACE(format_name(encoding));
        const auto file =
            folder.write(std::string(format_name(encoding)) + ".ply", sample_ply(encoding));
        expect_sample_mesh(read_ply(file));
    }
}

TEST(PlyReader, AcceptsCrLfHeadersAndVertexIndexAlias) {
    const std::string text =
        "ply\r\nformat ascii 1.0\r\nelement vertex 3\r\nproperty float x\r\nproperty float y\r\n"
        "property float z\r\nelement face 1\r\nproperty list uchar uint vertex_index\r\n"
        "end_header\r\n0 0 0\r\n1 0 0\r\n0 1 0\r\n3 0 1 2\r\n";
    const TriangleMesh mesh = parse_ply(text, "crlf.ply");
    EXPECT_EQ(mesh.vertices.size(), 3u);
    ASSERT_EQ(mesh.triangles.size(), 1u);
    EXPECT_EQ(mesh.triangles[0], (std::array<uint32_t, 3>{0, 1, 2}));
}

TEST(PlyReader, ReadsSionnaBinaryBox) {
    const auto file = test::shared_scenes_dir() / "sionna/box/meshes/box.ply";
    const TriangleMesh mesh = read_ply(file);
    EXPECT_EQ(mesh.vertices.size(), 14u);
    EXPECT_EQ(mesh.triangles.size(), 12u);
    // UV seams duplicate corners, but the box is still a closed solid.
    EXPECT_TRUE(is_closed_mesh(mesh.vertices, mesh.triangles));
}

TEST(PlyReader, DropsDegenerateFanTrianglesAndShortFaces) {
    const std::string text =
        "ply\nformat ascii 1.0\nelement vertex 4\nproperty float x\nproperty float y\n"
        "property float z\nelement face 3\nproperty list uchar int vertex_indices\nend_header\n"
        "0 0 0\n1 0 0\n1 1 0\n0 1 0\n"
        "2 0 1\n"      // an edge, not a polygon
        "4 0 1 1 2\n"  // repeated corner: one of its fan triangles has no area
        "3 0 2 3\n";
    const TriangleMesh mesh = parse_ply(text, "degenerate.ply");
    const std::vector<std::array<uint32_t, 3>> expected = {{0, 1, 2}, {0, 2, 3}};
    EXPECT_EQ(mesh.triangles, expected);
}

// ---- errors ---------------------------------------------------------------------------------

const std::string kAsciiTriangleHeader =
    "ply\n"                                     // 1
    "format ascii 1.0\n"                        // 2
    "element vertex 3\n"                        // 3
    "property float x\n"                        // 4
    "property float y\n"                        // 5
    "property float z\n"                        // 6
    "element face 1\n"                          // 7
    "property list uchar int vertex_indices\n"  // 8
    "end_header\n";                             // 9

TEST(PlyReaderErrors, MissingFile) {
    TempFolder folder;
    const auto file = folder.path() / "absent.ply";
    expect_input_error([&] { read_ply(file); }, file, 0, "", "not found");
}

TEST(PlyReaderErrors, BadMagic) {
    TempFolder folder;
    const auto file = folder.write("magic.ply", "plx\nformat ascii 1.0\nend_header\n");
    expect_input_error([&] { read_ply(file); }, file, 1, "", "bad magic");
    const auto empty = folder.write("empty.ply", "");
    expect_input_error([&] { read_ply(empty); }, empty, 1, "", "bad magic");
}

TEST(PlyReaderErrors, BadHeaderLineHasItsLineNumber) {
    TempFolder folder;
    const auto file = folder.write(
        "header.ply", "ply\nformat ascii 1.0\nelement vertex 3\nproperty float\nend_header\n");
    expect_input_error([&] { read_ply(file); }, file, 4, "header", "bad header line");
    const auto keyword = folder.write(
        "keyword.ply", "ply\nformat ascii 1.0\nelement vertex 3\nproprety float x\nend_header\n");
    expect_input_error([&] { read_ply(keyword); }, keyword, 4, "header", "proprety");
    const auto negative =
        folder.write("negative.ply", "ply\nformat ascii 1.0\nelement vertex -3\nend_header\n");
    expect_input_error([&] { read_ply(negative); }, negative, 3, "header", "count");
    const auto type = folder.write(
        "type.ply", "ply\nformat ascii 1.0\nelement vertex 3\nproperty float128 x\nend_header\n");
    expect_input_error([&] { read_ply(type); }, type, 4, "header", "float128");
    const auto orphan =
        folder.write("orphan.ply", "ply\nformat ascii 1.0\nproperty float x\nend_header\n");
    expect_input_error([&] { read_ply(orphan); }, orphan, 3, "header", "before any element");
}

TEST(PlyReaderErrors, UnsupportedFormat) {
    TempFolder folder;
    const auto file =
        folder.write("format.ply", "ply\nformat binary_middle_endian 1.0\nend_header\n");
    expect_input_error([&] { read_ply(file); }, file, 2, "format", "unsupported format");
}

TEST(PlyReaderErrors, MissingEndHeaderOrFormat) {
    TempFolder folder;
    const auto file = folder.write("noend.ply", "ply\nformat ascii 1.0\nelement vertex 0\n");
    expect_input_error([&] { read_ply(file); }, file, 3, "", "end_header");
    const auto noformat = folder.write("noformat.ply", "ply\nelement vertex 0\nend_header\n");
    expect_input_error([&] { read_ply(noformat); }, noformat, 3, "format", "format");
}

TEST(PlyReaderErrors, MissingCoordinateOrIndexProperty) {
    TempFolder folder;
    const auto file = folder.write("noz.ply",
                                   "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\n"
                                   "property float y\nend_header\n0 0\n");
    expect_input_error([&] { read_ply(file); }, file, 3, "z", "no 'z'");
    const auto faces =
        folder.write("nolist.ply",
                     "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\n"
                     "property float y\nproperty float z\nelement face 1\nproperty int a\n"
                     "end_header\n0 0 0\n1\n");
    expect_input_error([&] { read_ply(faces); }, faces, 7, "vertex_indices", "face");
}

TEST(PlyReaderErrors, FaceIndexOutOfRange) {
    TempFolder folder;
    const auto file =
        folder.write("index.ply", kAsciiTriangleHeader + "0 0 0\n1 0 0\n0 1 0\n3 0 1 7\n");
    expect_input_error([&] { read_ply(file); }, file, 13, "vertex_indices",
                       "vertex index 7 out of range");
    const auto negative =
        folder.write("negindex.ply", kAsciiTriangleHeader + "0 0 0\n1 0 0\n0 1 0\n3 0 -1 2\n");
    expect_input_error([&] { read_ply(negative); }, negative, 13, "vertex_indices", "out of range");
}

TEST(PlyReaderErrors, MalformedAsciiNumber) {
    TempFolder folder;
    const auto file =
        folder.write("number.ply", kAsciiTriangleHeader + "0 0 0\n1 0 1.0x\n0 1 0\n3 0 1 2\n");
    expect_input_error([&] { read_ply(file); }, file, 11, "z", "malformed number '1.0x'");
    const auto index =
        folder.write("index.ply", kAsciiTriangleHeader + "0 0 0\n1 0 0\n0 1 0\n3 0 1.5 2\n");
    expect_input_error([&] { read_ply(index); }, index, 13, "vertex_indices", "malformed");
    const auto nan =
        folder.write("nan.ply", kAsciiTriangleHeader + "0 0 0\nnan 0 0\n0 1 0\n3 0 1 2\n");
    expect_input_error([&] { read_ply(nan); }, nan, 11, "x", "non-finite");
}

TEST(PlyReaderErrors, TruncatedAsciiData) {
    TempFolder folder;
    const auto file = folder.write("short.ply", kAsciiTriangleHeader + "0 0 0\n1 0 0\n0 1 0\n3 0");
    expect_input_error([&] { read_ply(file); }, file, 0, "vertex_indices", "file too short");
}

TEST(PlyReaderErrors, HugeDeclaredVertexCountFailsBeforeAllocating) {
    TempFolder folder;
    std::string text =
        "ply\nformat binary_little_endian 1.0\nelement vertex 1000000000000000\n"
        "property float x\nproperty float y\nproperty float z\nend_header\n";
    text += std::string(24, '\0');
    const auto file = folder.write("huge.ply", text);
    expect_input_error([&] { read_ply(file); }, file, 3, "vertex",
                       "file too short: header declares 1000000000000000 vertices "
                       "(12000000000000000 bytes) but the file holds only 24 bytes");
    // A count whose byte size overflows 64 bits.
    const auto overflow =
        folder.write("overflow.ply",
                     "ply\nformat binary_big_endian 1.0\nelement vertex 9223372036854775807\n"
                     "property double x\nproperty double y\nproperty double z\nend_header\n");
    expect_input_error([&] { read_ply(overflow); }, overflow, 3, "vertex", "file too short");
    const auto ascii =
        folder.write("ascii.ply",
                     "ply\nformat ascii 1.0\nelement vertex 4000000000\nproperty float x\n"
                     "property float y\nproperty float z\nend_header\n0 0 0\n");
    expect_input_error([&] { read_ply(ascii); }, ascii, 3, "vertex", "file too short");
}

TEST(PlyReaderErrors, HugeFaceCountAndListLengthFail) {
    TempFolder folder;
    PlyWriter w(Encoding::LittleEndian);
    for (int i = 0; i < 9; ++i) w.put<float>(static_cast<float>(i % 2));
    const std::string header =
        "ply\nformat binary_little_endian 1.0\nelement vertex 3\nproperty float x\n"
        "property float y\nproperty float z\nelement face 1\n"
        "property list int int vertex_indices\nend_header\n";
    // A face whose list declares two billion indices, with 8 bytes left.
    PlyWriter list = w;
    list.put<int32_t>(2000000000).put<int32_t>(0);
    const auto file = folder.write("list.ply", header + list.bytes());
    expect_input_error([&] { read_ply(file); }, file, 0, "vertex_indices", "file too short");
    PlyWriter negative = w;
    negative.put<int32_t>(-5).put<int32_t>(0);
    const auto neg = folder.write("neglist.ply", header + negative.bytes());
    expect_input_error([&] { read_ply(neg); }, neg, 0, "vertex_indices", "negative list length");
    // Face count far beyond the data.
    std::string faces = header;
    faces.replace(faces.find("element face 1"), 14, "element face 99999999999");
    const auto many = folder.write("faces.ply", faces + w.bytes());
    expect_input_error([&] { read_ply(many); }, many, 7, "face",
                       "header declares 99999999999 faces");
}

// The header check counts lists at their minimum length; long lists can leave a later
// fixed-size element short of data, which must be caught when skipping it.
TEST(PlyReaderErrors, FixedElementAfterLongListsIsCheckedAgain) {
    PlyWriter w(Encoding::LittleEndian);
    for (int i = 0; i < 9; ++i) w.put<float>(static_cast<float>(i % 2));
    w.put<uint8_t>(3).put<int32_t>(0).put<int32_t>(1).put<int32_t>(2);
    w.put<int32_t>(5);  // the extra element declares two ints
    const std::string text =
        "ply\nformat binary_little_endian 1.0\nelement vertex 3\nproperty float x\n"
        "property float y\nproperty float z\nelement face 1\n"
        "property list uchar int vertex_indices\nelement extra 2\nproperty int a\nend_header\n" +
        w.bytes();
    TempFolder folder;
    const auto file = folder.write("extra.ply", text);
    expect_input_error([&] { read_ply(file); }, file, 9, "extra", "file too short");
}

TEST(PlyReaderErrors, PropertyLessElementWithHugeCountDoesNotHang) {
    const std::string text =
        "ply\nformat binary_little_endian 1.0\nelement junk 9223372036854775807\n"
        "element vertex 0\nproperty float x\nproperty float y\nproperty float z\nend_header\n";
    const TriangleMesh mesh = parse_ply(text, "junk.ply");
    EXPECT_TRUE(mesh.vertices.empty());
    EXPECT_TRUE(mesh.triangles.empty());
}

// Random corruption of valid files: the reader must return a consistent mesh or throw an
// InputError, whatever the bytes (run under the sanitizers in CI for full effect).
TEST(PlyReaderErrors, CorruptedFilesNeverCrash) {
    std::mt19937 random(20240611);
    int errors = 0;
    int successes = 0;
    for (Encoding encoding : {Encoding::Ascii, Encoding::LittleEndian, Encoding::BigEndian}) {
        const std::string original = sample_ply(encoding);
        for (int round = 0; round < 1500; ++round) {
            std::string bytes = original;
            const int edits = 1 + static_cast<int>(random() % 4);
            for (int e = 0; e < edits; ++e) {
                const size_t at = random() % bytes.size();
                switch (random() % 4) {
                    case 0: bytes[at] = static_cast<char>(random()); break;
                    case 1: bytes.resize(at); break;
                    case 2: bytes[at] = static_cast<char>('0' + random() % 10); break;
                    default: bytes.insert(at, 1, static_cast<char>(random())); break;
                }
                if (bytes.empty()) break;
            }
            try {
                const TriangleMesh mesh = parse_ply(bytes, "fuzz.ply");
                for (const auto& t : mesh.triangles)
                    for (uint32_t v : t) ASSERT_LT(v, mesh.vertices.size());
                ++successes;
            } catch (const InputError& error) {
                EXPECT_EQ(error.where().file, "fuzz.ply");
                ++errors;
            }
        }
    }
    EXPECT_GT(errors, 0);
    EXPECT_GT(successes, 0);
}

}  // namespace
}  // namespace rps
