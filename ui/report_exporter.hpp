#pragma once
// The study report (HTML and PDF): scene picture, study set-up, best layout (AP table, plate),
// best map, plots (histogram, convergence, scatter, Gantt), statistics (objective mean/std/min/
// max, per-worker busy time, pool efficiency) and timing. Built from a StudyResults model; the
// plots are rendered by a LivePlotsPanel (the caller's, or a hidden one made for the purpose).
// HTML embeds its images as base64 data URIs (one self-contained file); PDF goes through
// QTextDocument and QPdfWriter.
#include <QCoreApplication>
#include <QImage>
#include <QMap>
#include <QString>

class QPdfWriter;
class QTextDocument;

namespace rps {

class LivePlotsPanel;
class StudyResults;

class ReportExporter {
    Q_DECLARE_TR_FUNCTIONS(ReportExporter)
public:
    explicit ReportExporter(const StudyResults* results);

    // The scene picture (e.g. a grab of the plan view); optional.
    void setScenePicture(const QImage& image) { scene_ = image; }
    // Plots rendered from this panel; without one, a hidden panel over the same model is used.
    void setPlotsPanel(LivePlotsPanel* panel) { panel_ = panel; }
    void setTitle(const QString& title) { title_ = title; }

    bool exportHtml(const QString& path, QString* error = nullptr);
    bool exportPdf(const QString& path, QString* error = nullptr);

    // The report as HTML. Images are referenced as `prefix + name` (e.g. "data:" URIs are made
    // by exportHtml; the PDF uses QTextDocument resources). images() lists them after a call.
    QString buildHtml(bool embed_images);
    const QMap<QString, QImage>& images() const { return images_; }

private:
    static void paintPages(QTextDocument& document, QPdfWriter& writer);
    void renderImages();
    QString imageTag(const QString& name, bool embed, int width) const;
    QString setupSection() const;
    QString bestLayoutSection() const;
    QString statisticsSection() const;
    QString timingSection() const;

    const StudyResults* results_;
    LivePlotsPanel* panel_ = nullptr;
    QImage scene_;
    QString title_;
    QMap<QString, QImage> images_;
};

}  // namespace rps
