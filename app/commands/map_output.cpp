#include "app/commands/map_output.hpp"

#include <H5Cpp.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QBuffer>
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iterator>
#include <stdexcept>

#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"
#include "core/common/units.hpp"
#include "core/metrics/map_metrics.hpp"

namespace rps::cli {
namespace {

std::string extension_of(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    return ext;
}

// The CSV of power maps: each map's column in dBm (floored, as every report shows it).
void write_csv(const std::string& path, const MeasurementGrid& grid,
               const std::vector<NamedMap>& maps, const std::string& option) {
    std::vector<std::vector<double>> dbm(maps.size());
    std::vector<CsvColumn> columns;
    for (size_t m = 0; m < maps.size(); ++m) {
        for (double p : *maps[m].power_w) dbm[m].push_back(power_to_dbm_floored(p));
        columns.push_back({maps[m].name + "_dbm", &dbm[m]});
    }
    write_csv_columns(path, grid, columns, option);
}

// A perceptually ordered colour scale (viridis control points), t in [0, 1].
QColor scale_colour(double t) {
    static const double stops[][3] = {{68, 1, 84},    {59, 82, 139},  {33, 145, 140},
                                      {94, 201, 98},  {253, 231, 37}};
    t = std::clamp(t, 0.0, 1.0) * 4.0;
    const int i = std::min(3, static_cast<int>(t));
    const double f = t - i;
    return QColor(static_cast<int>(stops[i][0] + f * (stops[i + 1][0] - stops[i][0])),
                  static_cast<int>(stops[i][1] + f * (stops[i + 1][1] - stops[i][1])),
                  static_cast<int>(stops[i][2] + f * (stops[i + 1][2] - stops[i][2])));
}

// Text rendering needs a QGuiApplication; the command line has none, so make an offscreen one.
void ensure_gui_application() {
    if (QCoreApplication::instance()) return;
    static int argc = 1;
    static char name[] = "rps";
    static char* argv[] = {name, nullptr};
    qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {  // Qt warns without one
        const QByteArray dir = "/tmp/rps-runtime-" + QByteArray::number(static_cast<int>(getuid()));
        mkdir(dir.constData(), 0700);
        qputenv("XDG_RUNTIME_DIR", dir);
    }
    static QGuiApplication app(argc, argv);
}

void write_png(const std::string& path, const MeasurementGrid& grid, const NamedMap& map,
               const std::string& option) {
    ensure_gui_application();
    const int scale = std::max(2, 600 / std::max(grid.cells_x, grid.cells_y));
    const int bar_width = 90;
    QImage image(grid.cells_x * scale + bar_width, grid.cells_y * scale, QImage::Format_RGB32);
    image.fill(Qt::white);
    double lo = 1e9, hi = -1e9;
    for (size_t i = 0; i < grid.cell_count(); ++i) {
        if (!grid.mask[i] || (*map.power_w)[i] <= kNoSignalPower_w) continue;
        const double dbm = watts_to_dbm((*map.power_w)[i]);
        lo = std::min(lo, dbm);
        hi = std::max(hi, dbm);
    }
    if (lo > hi) lo = -120, hi = -30;
    if (hi - lo < 1e-6) hi = lo + 1;
    for (int iy = 0; iy < grid.cells_y; ++iy)
        for (int ix = 0; ix < grid.cells_x; ++ix) {
            const size_t i = grid.index(ix, iy);
            QColor colour(200, 200, 200);
            if (grid.mask[i] && (*map.power_w)[i] > kNoSignalPower_w)
                colour = scale_colour((watts_to_dbm((*map.power_w)[i]) - lo) / (hi - lo));
            else if (grid.mask[i])
                colour = QColor(0, 0, 0);
            for (int py = 0; py < scale; ++py)
                for (int px = 0; px < scale; ++px)  // y grows upward on the plan
                    image.setPixelColor(ix * scale + px, (grid.cells_y - 1 - iy) * scale + py, colour);
        }
    QPainter painter(&image);
    const int x0 = grid.cells_x * scale + 10;
    const int h = image.height() - 40;
    for (int y = 0; y < h; ++y) painter.setPen(scale_colour(1.0 - double(y) / h)), painter.drawLine(x0, 20 + y, x0 + 20, 20 + y);
    painter.setPen(Qt::black);
    painter.setFont(QFont("Sans", 8));
    for (int k = 0; k <= 4; ++k) {
        const double v = hi - k * (hi - lo) / 4;
        painter.drawText(x0 + 24, 24 + k * h / 4, QString::number(v, 'f', 1));
    }
    painter.drawText(x0, 14, "dBm");
    painter.end();
    // Encoded in memory, so that the file is written (and its errors seen) in one checked step.
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        throw InputError({path, 0, option}, "cannot encode the map as PNG");
    write_file_atomically(path, std::string_view(png.constData(), static_cast<size_t>(png.size())),
                          option);
}

// Built in memory (HDF5's core driver, no backing file) and written in one checked step: HDF5's
// own writes to a full disk report no system cause and leave a partial file.
std::string h5_image(const std::string& path, const MeasurementGrid& grid,
                     const std::vector<NamedMap>& maps, const nlohmann::json& metadata,
                     const std::string& option) {
    H5::Exception::dontPrint();
    try {
        H5::FileAccPropList in_memory;
        in_memory.setCore(1 << 20, false);
        H5::H5File file(path, H5F_ACC_TRUNC, H5::FileCreatPropList::DEFAULT, in_memory);
        const hsize_t dims[2] = {static_cast<hsize_t>(grid.cells_y), static_cast<hsize_t>(grid.cells_x)};
        H5::DataSpace space(2, dims);
        H5::Group group = file.createGroup("/maps");
        for (const auto& m : maps) {
            H5::DataSet set = group.createDataSet(m.name + "_power_w", H5::PredType::NATIVE_DOUBLE, space);
            set.write(m.power_w->data(), H5::PredType::NATIVE_DOUBLE);
        }
        H5::DataSet mask = file.createDataSet("/mask", H5::PredType::NATIVE_UINT8, space);
        mask.write(grid.mask.data(), H5::PredType::NATIVE_UINT8);
        const auto attr_double = [&](const char* name, double value) {
            H5::Attribute a = file.createAttribute(name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace());
            a.write(H5::PredType::NATIVE_DOUBLE, &value);
        };
        attr_double("origin_x_m", grid.origin_x_m);
        attr_double("origin_y_m", grid.origin_y_m);
        attr_double("cell_m", grid.cell_m);
        attr_double("height_m", grid.height_m);
        const std::string text = metadata.dump();
        H5::StrType str_type(H5::PredType::C_S1, text.size() + 1);
        H5::Attribute meta = file.createAttribute("metadata_json", str_type, H5::DataSpace());
        meta.write(str_type, text.c_str());
        meta.close();
        file.flush(H5F_SCOPE_GLOBAL);
        const ssize_t size = H5Fget_file_image(file.getId(), nullptr, 0);
        std::string image(size > 0 ? static_cast<size_t>(size) : 0, '\0');
        if (size <= 0 || H5Fget_file_image(file.getId(), image.data(), image.size()) != size)
            throw InputError({path, 0, option}, "cannot build the HDF5 file in memory");
        return image;
    } catch (const H5::Exception& error) {
        throw InputError({path, 0, option}, "cannot build the HDF5 file: " + error.getDetailMsg());
    }
}

}  // namespace

void write_csv_columns(const std::string& path, const MeasurementGrid& grid,
                       const std::vector<CsvColumn>& columns, const std::string& option) {
    fmt::memory_buffer out;
    fmt::format_to(std::back_inserter(out), "x_m,y_m,in_mask");
    for (const auto& c : columns) fmt::format_to(std::back_inserter(out), ",{}", c.name);
    fmt::format_to(std::back_inserter(out), "\n");
    for (int iy = 0; iy < grid.cells_y; ++iy)
        for (int ix = 0; ix < grid.cells_x; ++ix) {
            const Vec3 c = grid.cell_center(ix, iy);
            const size_t i = grid.index(ix, iy);
            fmt::format_to(std::back_inserter(out), "{:.3f},{:.3f},{}", c.x(), c.y(),
                           int(grid.mask[i]));
            for (const auto& column : columns)
                fmt::format_to(std::back_inserter(out), ",{:.4f}", (*column.values)[i]);
            fmt::format_to(std::back_inserter(out), "\n");
        }
    write_file_atomically(path, std::string_view(out.data(), out.size()), option);
}

void check_map_output(const std::string& path) {
    const std::string ext = extension_of(path);
    if (ext != ".csv" && ext != ".png" && ext != ".h5" && ext != ".hdf5")
        throw std::invalid_argument("--out " + path + ": unknown format (use .h5, .csv or .png)");
}

void write_maps(const std::string& path, const MeasurementGrid& grid,
                const std::vector<NamedMap>& maps, const nlohmann::json& metadata,
                const std::string& option) {
    check_map_output(path);
    const std::string ext = extension_of(path);
    if (ext == ".csv")
        write_csv(path, grid, maps, option);
    else if (ext == ".png")
        write_png(path, grid, maps.front(), option);
    else
        write_file_atomically(path, h5_image(path, grid, maps, metadata, option), option);
}

}  // namespace rps::cli
