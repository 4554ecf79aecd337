#include "ui/export_file.hpp"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPageSize>
#include <QPdfWriter>
#include <QSize>
#include <QSvgGenerator>
#include <string_view>

#include "core/common/atomic_file.hpp"

namespace rps {
namespace {

// What a device painted into `bytes`; false (with the message) when nothing was painted.
bool painted(bool ok, const QByteArray& bytes, const QString& path, QString* error) {
    if (ok && !bytes.isEmpty()) return true;
    if (error) *error = QCoreApplication::translate("ExportFile", "Cannot draw %1").arg(path);
    return false;
}

}  // namespace

bool writeExportFile(const QString& path, const QByteArray& bytes, QString* error) {
    try {
        write_file_atomically(
            path.toStdString(),
            std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())));
    } catch (const FileWriteError& failure) {
        if (error)
            *error = QCoreApplication::translate("ExportFile", "Cannot write %1: %2")
                         .arg(path, QString::fromStdString(failure.cause()));
        return false;
    }
    return true;
}

bool writeImageFile(const QString& path, const QImage& image, QString* error) {
    const QByteArray format = QFileInfo(path).suffix().toLower().toLatin1();
    if (!QImageWriter::supportedImageFormats().contains(format)) {
        if (error)
            *error = QCoreApplication::translate(
                         "ExportFile", "Cannot write %1: no image format has the suffix '%2'")
                         .arg(path, QString::fromLatin1(format));
        return false;
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const bool encoded = !image.isNull() && image.save(&buffer, format.constData());
    return painted(encoded, bytes, path, error) && writeExportFile(path, bytes, error);
}

bool writeSvgFile(const QString& path, const QSize& size, const QString& title,
                  const QString& description, const std::function<bool(QPaintDevice&)>& paint,
                  QString* error) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    bool ok = false;
    {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(title);
        svg.setDescription(description);
        ok = paint(svg);
    }
    return painted(ok, bytes, path, error) && writeExportFile(path, bytes, error);
}

bool writePdfFile(const QString& path, const QSize& size, const QString& title,
                  const std::function<bool(QPaintDevice&)>& paint, QString* error) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    bool ok = false;
    {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(72);  // one device pixel per point: the page is `size` pixels
        pdf.setPageSize(QPageSize(size, QPageSize::Point, QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("Reflector Placement Studio"));
        ok = paint(pdf);
    }
    return painted(ok, bytes, path, error) && writeExportFile(path, bytes, error);
}

}  // namespace rps
