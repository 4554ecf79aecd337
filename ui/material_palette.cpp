#include "ui/material_palette.hpp"

#include <QCoreApplication>
#include <QHash>

namespace rps {

QColor materialColor(const RadioMaterial& material) {
    if (material.perfect_conductor) return QColor(0x60, 0x60, 0x70);
    static const QHash<QString, QColor> known = {
        {QStringLiteral("concrete"), QColor(0x55, 0x58, 0x5e)},
        {QStringLiteral("brick"), QColor(0xa0, 0x4a, 0x32)},
        {QStringLiteral("plasterboard"), QColor(0x3f, 0x7f, 0xd0)},
        {QStringLiteral("wood"), QColor(0x9a, 0x6a, 0x3a)},
        {QStringLiteral("glass"), QColor(0x2c, 0xc4, 0xd8)},
        {QStringLiteral("ceiling_board"), QColor(0xc8, 0xb8, 0x90)},
        {QStringLiteral("chipboard"), QColor(0xb5, 0x8a, 0x55)},
        {QStringLiteral("plywood"), QColor(0xc0, 0x90, 0x50)},
        {QStringLiteral("marble"), QColor(0xb0, 0xb0, 0xa8)},
        {QStringLiteral("floorboard"), QColor(0x8a, 0x62, 0x3a)},
        {QStringLiteral("metal"), QColor(0x70, 0x70, 0x80)},
        {QStringLiteral("very_dry_ground"), QColor(0x9c, 0x8a, 0x60)},
        {QStringLiteral("medium_dry_ground"), QColor(0x80, 0x70, 0x50)},
        {QStringLiteral("wet_ground"), QColor(0x60, 0x58, 0x40)},
    };
    const QString type = QString::fromStdString(material.itu_type);
    if (const auto it = known.find(type); it != known.end()) return *it;
    const uint hash = qHash(QString::fromStdString(material.id));
    return QColor::fromHsv(static_cast<int>(hash % 360), 150, 170);
}

namespace {

// ITU-R P.2040 material names for display (translated).
const char* const kItuNames[][2] = {
    {"concrete", QT_TRANSLATE_NOOP("rps::MaterialPalette", "concrete")},
    {"brick", QT_TRANSLATE_NOOP("rps::MaterialPalette", "brick")},
    {"plasterboard", QT_TRANSLATE_NOOP("rps::MaterialPalette", "plasterboard")},
    {"wood", QT_TRANSLATE_NOOP("rps::MaterialPalette", "wood")},
    {"glass", QT_TRANSLATE_NOOP("rps::MaterialPalette", "glass")},
    {"ceiling_board", QT_TRANSLATE_NOOP("rps::MaterialPalette", "ceiling board")},
    {"chipboard", QT_TRANSLATE_NOOP("rps::MaterialPalette", "chipboard")},
    {"plywood", QT_TRANSLATE_NOOP("rps::MaterialPalette", "plywood")},
    {"marble", QT_TRANSLATE_NOOP("rps::MaterialPalette", "marble")},
    {"floorboard", QT_TRANSLATE_NOOP("rps::MaterialPalette", "floorboard")},
    {"metal", QT_TRANSLATE_NOOP("rps::MaterialPalette", "metal")},
    {"very_dry_ground", QT_TRANSLATE_NOOP("rps::MaterialPalette", "very dry ground")},
    {"medium_dry_ground", QT_TRANSLATE_NOOP("rps::MaterialPalette", "medium dry ground")},
    {"wet_ground", QT_TRANSLATE_NOOP("rps::MaterialPalette", "wet ground")},
};

QString ituDisplayName(const std::string& type) {
    for (const auto& entry : kItuNames)
        if (type == entry[0]) return QCoreApplication::translate("rps::MaterialPalette", entry[1]);
    return QString::fromStdString(type);
}

}  // namespace

QString materialLabel(const RadioMaterial& material) {
    const QString name =
        material.is_itu() ? ituDisplayName(material.itu_type) : QString::fromStdString(material.id);
    // Thin sheets in millimetres: the 2 mm plate read "0.00 m" at two decimals of a metre.
    if (material.thickness_m < 0.01)
        return QStringLiteral("%1 %2 mm").arg(name).arg(material.thickness_m * 1e3, 0, 'g', 3);
    return QStringLiteral("%1 %2 m").arg(name).arg(material.thickness_m, 0, 'f', 2);
}

}  // namespace rps
