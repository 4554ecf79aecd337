#pragma once
// Writes a layout as a configuration others can use (DESIGN §1 step 6): a JSON document (study,
// layout, objective, metrics, plate pose) and a copy of the scene XML with the reflector plate
// added as a metal rectangle and the APs recorded as comments (Mitsuba has no transmitters).
#include <QCoreApplication>
#include <QString>

#include "core/study/layout_evaluator.hpp"

namespace rps {

class BestConfigExporter {
    Q_DECLARE_TR_FUNCTIONS(BestConfigExporter)
public:
    BestConfigExporter(const StudySpec& spec, const Layout& layout,
                       const LayoutEvaluation& evaluation);

    bool exportJson(const QString& path, QString* error = nullptr) const;
    // `scene_xml`: the study's scene file. Relative mesh file names are made absolute so the
    // written file loads from any folder.
    bool exportSceneXml(const QString& path, QString* error = nullptr) const;
    nlohmann::json document() const;
    QString sceneAdditions() const;  // the XML inserted before </scene>

private:
    StudySpec spec_;
    Layout layout_;
    LayoutEvaluation evaluation_;
};

}  // namespace rps
