#include "ui/best_config_exporter.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

#include "core/study/task_executor.hpp"

namespace rps {
namespace {

nlohmann::json vec(const Vec3& v) { return {v.x(), v.y(), v.z()}; }

bool writeText(const QString& path, const QByteArray& text, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size()) {
        if (error)
            *error = QCoreApplication::translate("BestConfigExporter", "Cannot write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

QString num(double v) { return QString::number(v, 'g', 10); }

}  // namespace

BestConfigExporter::BestConfigExporter(const StudySpec& spec, const Layout& layout,
                                       const LayoutEvaluation& evaluation)
    : spec_(spec), layout_(layout), evaluation_(evaluation) {}

nlohmann::json BestConfigExporter::document() const {
    nlohmann::json doc = {{"format", "rps-best-layout"}, {"version", 1}};
    nlohmann::json study = spec_.document;
    study["scene"] =
        QFileInfo(QString::fromStdString(spec_.scene_path)).absoluteFilePath().toStdString();
    doc["study"] = study;
    doc["layout"] = layout_to_json(layout_);
    if (evaluation_.valid) {
        doc["objective"] = evaluation_.objective;
        doc["metrics"] = metrics_to_json(evaluation_.metrics);
    }
    if (layout_.reflector && evaluation_.valid) {
        const PlateGeometry& p = evaluation_.plate;
        doc["plate"] = {{"center_m", vec(p.center)},
                        {"normal", vec(p.normal)},
                        {"width_axis", vec(p.width_axis)},
                        {"size_m", {p.width_m, p.height_m}}};
    }
    return doc;
}

bool BestConfigExporter::exportJson(const QString& path, QString* error) const {
    return writeText(path, QByteArray::fromStdString(document().dump(2) + "\n"), error);
}

QString BestConfigExporter::sceneAdditions() const {
    QString xml;
    QTextStream out(&xml);
    out << "\n<!-- Best layout written by rps-studio";
    if (evaluation_.valid) out << " (objective " << num(evaluation_.objective) << ")";
    out << " -->\n";
    for (size_t i = 0; i < layout_.aps.size(); ++i) {
        const ApPlacement& ap = layout_.aps[i];
        out << "<!-- rps:ap index=\"" << i << "\" position=\"" << num(ap.x_m) << ", " << num(ap.y_m)
            << ", " << num(ap.z_m) << "\" yaw_deg=\"" << num(ap.yaw_deg) << "\" downtilt_deg=\""
            << num(ap.downtilt_deg) << "\" -->\n";
    }
    if (layout_.reflector && evaluation_.valid) {
        const PlateGeometry& p = evaluation_.plate;
        const Vec3 w = 0.5 * p.width_m * p.width_axis, h = 0.5 * p.height_m * p.height_axis();
        const Vec3& n = p.normal;
        const Vec3& c = p.center;
        out << "\t<bsdf type=\"itu-radio-material\" id=\"rps-reflector-metal\">\n"
            << "\t\t<string name=\"type\" value=\"metal\"/>\n"
            << "\t\t<float name=\"thickness\" value=\"" << num(p.thickness_m) << "\"/>\n"
            << "\t</bsdf>\n"
            << "\t<shape type=\"rectangle\" id=\"rps-reflector-plate\">\n"
            << "\t\t<transform name=\"to_world\">\n"
            << "\t\t\t<matrix value=\"" << num(w.x()) << " " << num(h.x()) << " " << num(n.x())
            << " " << num(c.x()) << " " << num(w.y()) << " " << num(h.y()) << " " << num(n.y())
            << " " << num(c.y()) << " " << num(w.z()) << " " << num(h.z()) << " " << num(n.z())
            << " " << num(c.z()) << " 0 0 0 1\"/>\n"
            << "\t\t</transform>\n"
            << "\t\t<ref id=\"rps-reflector-metal\" name=\"bsdf\"/>\n"
            << "\t</shape>\n";
    }
    return xml;
}

bool BestConfigExporter::exportSceneXml(const QString& path, QString* error) const {
    const QString scene_path = QString::fromStdString(spec_.scene_path);
    QFile in(scene_path);
    if (!in.open(QIODevice::ReadOnly)) {
        if (error) *error = tr("Cannot read the scene %1: %2").arg(scene_path, in.errorString());
        return false;
    }
    QString text = QString::fromUtf8(in.readAll());
    const QDir scene_dir = QFileInfo(scene_path).absoluteDir();
    static const QRegularExpression filename(
        QStringLiteral("(<string\\s+name=\"filename\"\\s+value=\")([^\"]+)(\")"));
    QString rewritten;
    qsizetype last = 0;
    for (auto it = filename.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        rewritten += text.mid(last, m.capturedStart(2) - last);
        const QString file = m.captured(2);
        rewritten += QFileInfo(file).isRelative() && !file.contains(QLatin1Char('$'))
                         ? scene_dir.absoluteFilePath(file)
                         : file;
        last = m.capturedEnd(2);
    }
    rewritten += text.mid(last);
    const int end = rewritten.lastIndexOf(QLatin1String("</scene>"));
    if (end < 0) {
        if (error) *error = tr("%1 has no </scene> element").arg(scene_path);
        return false;
    }
    rewritten.insert(end, sceneAdditions());
    return writeText(path, rewritten.toUtf8(), error);
}

}  // namespace rps
