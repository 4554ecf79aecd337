#pragma once
// The studio's exported files (pictures, drawings, reports) written whole or not at all: each is
// made in memory first, then written by core/common/atomic_file.hpp, so that a full disk or a
// folder that cannot be written is an error naming the file and the system's reason, and leaves
// neither a cut-off file nor one that the status line calls written. (QImage::save,
// QSvgGenerator and QPdfWriter writing to a file name leave a partial file, and the last two
// report no error at all.)
#include <QByteArray>
#include <QString>
#include <functional>

class QImage;
class QPaintDevice;
class QSize;

namespace rps {

// Writes `bytes` as the file `path`; false with "Cannot write PATH: CAUSE" in *error.
bool writeExportFile(const QString& path, const QByteArray& bytes, QString* error);

// The image in the format its file suffix names (png, jpg, bmp, ...), written as `path`; false
// with a message in *error when the suffix is no image format or the file cannot be written.
bool writeImageFile(const QString& path, const QImage& image, QString* error);

// An SVG drawing of `size` painted by `paint` (false: nothing painted), written as `path`. The
// drawing is complete when the painter that `paint` used has ended.
bool writeSvgFile(const QString& path, const QSize& size, const QString& title,
                  const QString& description, const std::function<bool(QPaintDevice&)>& paint,
                  QString* error);

// A one-page PDF of `size` points painted by `paint` (false: nothing painted), written as `path`.
bool writePdfFile(const QString& path, const QSize& size, const QString& title,
                  const std::function<bool(QPaintDevice&)>& paint, QString* error);

}  // namespace rps
